package org.transferworkbench.engine.model.fast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Swaps a network between the fast layers and DL4J's own, keeping its parameters. A model zip names its layer
 * classes: a model that leaves the Workbench must name only DL4J's (a plain DL4J program has no
 * {@code FastConvolutionLayer}), and one that comes back runs faster, and exactly like the run it came from, with
 * the fast ones. The fast layers are configured exactly like the stock ones (same fields, same parameter layout),
 * so the swap is a change of class name in the configuration.
 */
public final class LayerClasses {

    private static final String CLASS_KEY = "@class";
    private static final String FORMAT_KEY = "cnn2dDataFormat";
    private static final String POOLING_KEY = "poolingType";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LayerClasses() {
    }

    /** {@code model} itself when it has no fast layers, else a copy with DL4J's own layers and its parameters. */
    public static ComputationGraph stock(ComputationGraph model) {
        return rebuilt(model, LayerClasses::stockClass);
    }

    /**
     * {@code model} itself when no layer can be made fast, else a copy with the fast layers and its parameters.
     * Follows {@link FastLayerSwitches}, as freshly built networks do.
     */
    public static ComputationGraph fast(ComputationGraph model) {
        return FastLayerSwitches.convolutions() ? rebuilt(model, LayerClasses::fastClass) : model;
    }

    private static String stockClass(ObjectNode layer) {
        String name = layer.get(CLASS_KEY).asText();
        if (name.equals(FastConvolutionLayer.class.getName())) {
            return ConvolutionLayer.class.getName();
        }
        return name.equals(FastMaxPoolingLayer.class.getName()) ? SubsamplingLayer.class.getName() : null;
    }

    /** Only what the fast layers compute: NCHW convolutions, NCHW max pooling. */
    private static String fastClass(ObjectNode layer) {
        String name = layer.get(CLASS_KEY).asText();
        boolean nchw = CNN2DFormat.NCHW.name().equals(layer.path(FORMAT_KEY).asText(CNN2DFormat.NCHW.name()));
        if (name.equals(ConvolutionLayer.class.getName()) && nchw) {
            return FastConvolutionLayer.class.getName();
        }
        boolean max = PoolingType.MAX.name().equals(layer.path(POOLING_KEY).asText());
        return name.equals(SubsamplingLayer.class.getName()) && nchw && max && FastLayerSwitches.pooling()
                ? FastMaxPoolingLayer.class.getName() : null;
    }

    private static ComputationGraph rebuilt(ComputationGraph model, Function<ObjectNode, String> swap) {
        try {
            JsonNode root = MAPPER.readTree(model.getConfiguration().toJson());
            if (!replaceClasses(root, swap)) {
                return model;
            }
            ComputationGraph copy = new ComputationGraph(ComputationGraphConfiguration.fromJson(
                    MAPPER.writeValueAsString(root)));
            copy.init(model.params().dup(), false);
            return copy;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("DL4J wrote a configuration that is not JSON: " + e.getMessage(), e);
        }
    }

    private static boolean replaceClasses(JsonNode node, Function<ObjectNode, String> swap) {
        boolean changed = false;
        if (node instanceof ObjectNode object && object.path(CLASS_KEY).isTextual()) {
            String replacement = swap.apply(object);
            if (replacement != null) {
                object.put(CLASS_KEY, replacement);
                changed = true;
            }
        }
        for (JsonNode child : node) { // the values of an object, the elements of an array
            changed |= replaceClasses(child, swap);
        }
        return changed;
    }
}
