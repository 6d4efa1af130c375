package org.transferworkbench.engine.model.weights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.util.ModelSerializer;
import org.transferworkbench.engine.model.LayerSpec;
import org.transferworkbench.engine.model.VggLayout;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.model.ModelSpec;

/**
 * A DL4J zoo ImageNet file as canonical weights. The zoo's vertices are numbered ("0" ... "20"), so layers are
 * matched by order and kind: the convolutions in topological order become block1_conv1 ... block5_convN, then the
 * dense layers fc1, fc2 and the output layer predictions; the mapper then checks every shape.
 *
 * <p>The zoo network is already DL4J-shaped (OIHW kernels, fc1 after DL4J's own channels-first flatten), so no
 * conversion is needed. Its VGG19 has a single 4096-unit dense layer instead of the paper's fc1/fc2, so only its
 * convolutions are taken from it.
 */
final class ZooModelWeights {

    private ZooModelWeights() {
    }

    static SourceWeights read(Path file, ZooWeights.ZooFile zoo) throws IOException {
        ComputationGraph zooGraph;
        try {
            zooGraph = ModelSerializer.restoreComputationGraph(file.toFile(), false);
        } catch (RuntimeException e) {
            throw new IOException("The zoo file " + file + " cannot be read: " + e.getMessage(), e);
        }
        return fromGraph(zooGraph, zoo.variant(), zoo.convOnly(), file.getFileName().toString());
    }

    static SourceWeights fromGraph(ComputationGraph zooGraph, VggVariant variant, boolean convOnly, String what) {
        List<Layer> convs = new ArrayList<>();
        List<Layer> dense = new ArrayList<>();
        Layer output = null;
        GraphVertex[] vertices = zooGraph.getVertices();
        for (int index : zooGraph.topologicalSortOrder()) {
            GraphVertex v = vertices[index];
            if (!v.hasLayer()) {
                continue;
            }
            Object conf = v.getLayer().conf().getLayer();
            if (conf instanceof ConvolutionLayer) {
                convs.add(v.getLayer());
            } else if (conf instanceof OutputLayer) {
                output = v.getLayer();
            } else if (conf instanceof DenseLayer) {
                dense.add(v.getLayer());
            }
        }
        List<String> convNames = VggLayout.of(ModelSpec.compact(variant, ModelSpec.MIN_INPUT, 2)).layers().stream()
                .filter(l -> l.kind() == LayerSpec.Kind.CONVOLUTION).map(LayerSpec::name).toList();
        if (convs.size() != convNames.size()) {
            throw new IllegalArgumentException(what + " has " + convs.size() + " convolutions; " + variant + " has "
                    + convNames.size() + ".");
        }
        Map<String, LayerParams> layers = new LinkedHashMap<>();
        for (int i = 0; i < convs.size(); i++) {
            layers.put(convNames.get(i), params(convs.get(i)));
        }
        List<String> notes = new ArrayList<>();
        if (convOnly) {
            notes.add(what + " (the DL4J zoo's " + variant + ") has " + dense.size() + " dense layer(s) of its own"
                    + " design, not the paper's fc1/fc2; only its convolutions are used.");
        } else if (dense.size() == 2 && output != null) {
            layers.put("fc1", params(dense.get(0)));
            layers.put("fc2", params(dense.get(1)));
            layers.put("predictions", params(output));
        } else {
            notes.add(what + " has " + dense.size() + " dense layers instead of fc1 and fc2; only its convolutions"
                    + " are used.");
        }
        return new SourceWeights(layers, true, notes);
    }

    /** Copies, so the zoo network can be garbage-collected at once. */
    static LayerParams params(Layer l) {
        return new LayerParams(l.getParam("W").dup(), l.getParam("b").dup());
    }
}
