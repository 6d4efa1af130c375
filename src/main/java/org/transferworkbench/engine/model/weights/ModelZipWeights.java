package org.transferworkbench.engine.model.weights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.transferworkbench.engine.runs.ModelFiles;

/**
 * A DL4J model zip written by this application (a run's best-model.zip or checkpoint.zip): its layers carry the
 * canonical names already, so they are copied by name.
 */
final class ModelZipWeights {
    private static final String CONFIGURATION = "configuration.json";

    private ModelZipWeights() {
    }

    static SourceWeights read(Path file) throws IOException {
        return fromGraph(ModelFiles.load(file, false));
    }

    /**
     * The convolutions of the model in {@code file} by name, with their kernel sizes, read from the zip's
     * configuration alone (kilobytes, not the hundreds of megabytes of weights): enough to tell its VGG
     * configuration before a run starts.
     */
    static Map<String, Long> convolutionKernels(Path file) throws IOException {
        String json;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(CONFIGURATION);
            if (entry == null) {
                throw new IOException("The model file " + file + " has no " + CONFIGURATION + "; it is not a DL4J "
                        + "model zip.");
            }
            json = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new IOException("The model file " + file + " is not a zip file.", e);
        }
        ComputationGraphConfiguration conf;
        try {
            conf = ComputationGraphConfiguration.fromJson(json);
        } catch (RuntimeException e) {
            throw new IOException("The model file " + file + " does not hold a network this Workbench built.", e);
        }
        Map<String, Long> kernels = new LinkedHashMap<>();
        conf.getVertices().forEach((name, vertex) -> {
            if (vertex instanceof LayerVertex lv && unwrap(lv.getLayerConf().getLayer()) instanceof ConvolutionLayer c) {
                kernels.put(name, (long) c.getKernelSize()[0]);
            }
        });
        return kernels;
    }

    /** Frozen layers are wrappers around the real layer configuration. */
    private static Layer unwrap(Layer layer) {
        if (layer instanceof FrozenLayer f) {
            return unwrap(f.getLayer());
        }
        if (layer instanceof BaseWrapperLayer w) {
            return unwrap(w.getUnderlying());
        }
        return layer;
    }

    static SourceWeights fromGraph(ComputationGraph graph) {
        Map<String, LayerParams> layers = new LinkedHashMap<>();
        for (GraphVertex v : graph.getVertices()) {
            if (v.hasLayer() && v.getLayer().numParams() > 0) {
                layers.put(v.getVertexName(), ZooModelWeights.params(v.getLayer()));
            }
        }
        return new SourceWeights(layers, false, List.of());
    }
}
