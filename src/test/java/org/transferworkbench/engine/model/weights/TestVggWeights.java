package org.transferworkbench.engine.model.weights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.LayerSpec;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.VggGraphFactory;
import org.transferworkbench.engine.model.VggLayout;
import org.transferworkbench.engine.training.Hyperparameters;
import org.transferworkbench.engine.training.Optimizer;

/** Random VGG weights in Keras's layout with the real layer names and shapes, and networks to load them into. */
final class TestVggWeights {

    private TestVggWeights() {
    }

    /**
     * Layers as keras-applications lists them (input, convs and pools, flatten, fc1, fc2, predictions), with
     * He-scaled kernels so activations keep their size, and a small output layer so the softmax is not saturated.
     */
    static Map<String, List<KerasH5Writer.Array>> kerasLayers(ModelSpec spec, boolean top, long seed) {
        Random r = new Random(seed);
        Map<String, List<KerasH5Writer.Array>> layers = new LinkedHashMap<>();
        layers.put("input_1", List.of());
        for (LayerSpec l : VggLayout.of(spec).layers()) {
            switch (l.kind()) {
                case CONVOLUTION -> layers.put(l.name(), List.of(
                        gaussian(r, Math.sqrt(2.0 / (9 * l.inputWidth())), 3, 3, l.inputWidth(), l.width()),
                        gaussian(r, 0.05, l.width())));
                case MAX_POOL -> layers.put(l.name(), List.of());
                case DENSE, OUTPUT -> {
                    if (!top) {
                        continue;
                    }
                    if (l.name().equals("fc1")) {
                        layers.put("flatten", List.of());
                    }
                    double std = l.kind() == LayerSpec.Kind.OUTPUT ? 3e-4 : Math.sqrt(2.0 / l.inputWidth());
                    layers.put(l.name(), List.of(gaussian(r, std, l.inputWidth(), l.width()),
                            gaussian(r, 0.05, l.width())));
                }
                default -> {
                }
            }
        }
        return layers;
    }

    static KerasH5Writer.Array gaussian(Random r, double std, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] data = new float[Math.toIntExact(n)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (r.nextGaussian() * std);
        }
        return new KerasH5Writer.Array(shape, data);
    }

    static ComputationGraph network(ModelSpec spec, FreezePlan plan, long seed) {
        Hyperparameters hyper = new Hyperparameters(Optimizer.ADAM, 1e-4, 0.9, 4, 1, 0, seed, 0, 1.0, false);
        return VggGraphFactory.build(spec, plan, hyper.toOptimization(null));
    }

    /** A mean-subtracted BGR-like test image, channels-last [h][w][c]. */
    static KerasReference.Activation image(int side, long seed) {
        Random r = new Random(seed);
        float[] data = new float[side * side * 3];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (r.nextDouble() * 255 - 120);
        }
        return new KerasReference.Activation(side, 3, data);
    }

    static List<String> names(Map<String, ?> layers) {
        return new ArrayList<>(layers.keySet());
    }
}
