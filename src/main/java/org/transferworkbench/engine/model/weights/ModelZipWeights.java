package org.transferworkbench.engine.model.weights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.transferworkbench.engine.runs.ModelFiles;

/**
 * A DL4J model zip written by this application (a run's best-model.zip or checkpoint.zip): its layers carry the
 * canonical names already, so they are copied by name.
 */
final class ModelZipWeights {

    private ModelZipWeights() {
    }

    static SourceWeights read(Path file) throws IOException {
        return fromGraph(ModelFiles.load(file, false));
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
