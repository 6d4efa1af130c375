package org.transferworkbench.engine.explain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.deeplearning4j.nn.layers.FrozenLayerWithBackprop;

/**
 * The layers of a single-input, single-output graph in which every layer feeds only the next one (VGG's shape),
 * from the first layer to the output layer. Grad-CAM walks this chain backwards from the class score.
 */
final class LayerChain {
    private final ComputationGraph graph;
    private final List<String> names;

    private LayerChain(ComputationGraph graph, List<String> names) {
        this.graph = graph;
        this.names = Collections.unmodifiableList(names);
    }

    static LayerChain of(ComputationGraph graph) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        if (conf.getNetworkInputs().size() != 1 || conf.getNetworkOutputs().size() != 1) {
            throw new IllegalArgumentException("Grad-CAM needs a network with one input and one output; this one has "
                    + conf.getNetworkInputs().size() + " and " + conf.getNetworkOutputs().size() + ".");
        }
        String input = conf.getNetworkInputs().get(0);
        Map<String, List<String>> inputsOf = conf.getVertexInputs();
        List<String> reversed = new ArrayList<>();
        String current = conf.getNetworkOutputs().get(0);
        while (!current.equals(input)) {
            List<String> in = inputsOf.get(current);
            if (!(conf.getVertices().get(current) instanceof LayerVertex) || in == null || in.size() != 1
                    || reversed.size() > conf.getVertices().size()) {
                throw new IllegalArgumentException("Grad-CAM needs a plain chain of layers; vertex '" + current
                        + "' is not a layer with a single input.");
            }
            reversed.add(current);
            current = in.get(0);
        }
        Collections.reverse(reversed);
        return new LayerChain(graph, reversed);
    }

    List<String> names() {
        return names;
    }

    String outputName() {
        return names.get(names.size() - 1);
    }

    int indexOf(String name) {
        return names.indexOf(name);
    }

    /** The name of the vertex that feeds layer {@code index}: the network input for the first layer. */
    String inputOf(int index) {
        return index == 0 ? graph.getConfiguration().getNetworkInputs().get(0) : names.get(index - 1);
    }

    /** Convolution layers in network order, frozen or not. */
    List<String> convolutionLayers() {
        return names.stream().filter(n -> runtimeLayer(n).conf().getLayer() instanceof ConvolutionLayer).toList();
    }

    /** The layer that does the maths, unwrapped from DL4J's freezing wrappers (which stop or hide backprop). */
    Layer runtimeLayer(String name) {
        Layer layer = graph.getLayer(name);
        while (true) {
            if (layer instanceof FrozenLayer f) {
                layer = f.getInsideLayer();
            } else if (layer instanceof FrozenLayerWithBackprop f) {
                layer = f.getInsideLayer();
            } else {
                return layer;
            }
        }
    }

    /** The reshaping DL4J inserts before a layer (e.g. flattening before fc1), or null. */
    InputPreProcessor preProcessor(String name) {
        GraphVertex v = graph.getConfiguration().getVertices().get(name);
        return ((LayerVertex) v).getPreProcessor();
    }
}
