package org.transferworkbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.transferworkbench.engine.model.LayerSpec;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.VggLayout;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.model.fast.ReluGradient;

/**
 * The ReLU backward pass of every convolution of one training step, DL4J's (libnd4j's relu_bp) against the fast
 * layer's {@link ReluGradient}, on the model's own activation shapes, interleaved in one process.
 */
public final class ReluComparison {

    private ReluComparison() {
    }

    public static void run(VggVariant model, int size, BenchOptions o, Consumer<String> out) {
        VggLayout layout = VggLayout.of(ModelSpec.compact(model, size, BenchOptions.CLASSES));
        List<INDArray> z = new ArrayList<>();
        List<INDArray> eps = new ArrayList<>();
        Nd4j.getRandom().setSeed(o.seed());
        for (LayerSpec l : layout.layers()) {
            if (l.kind() == LayerSpec.Kind.CONVOLUTION) {
                long[] shape = {o.batch(), l.outputShape()[0], l.outputShape()[1], l.outputShape()[2]};
                z.add(Nd4j.randn(DataType.FLOAT, shape));
                eps.add(Nd4j.randn(DataType.FLOAT, shape));
            }
        }
        ActivationReLU relu = new ActivationReLU();
        double[] dl4j = new double[o.iterations()];
        double[] fast = new double[o.iterations()];
        for (int i = -o.warmup(); i < o.iterations(); i++) {
            boolean dl4jFirst = (i & 1) == 0;
            for (int k = 0; k < 2; k++) {
                boolean useDl4j = (k == 0) == dl4jFirst;
                // Each pass gets z afresh: the fast pass writes over it, as in the layer.
                List<INDArray> pre = z.stream().map(INDArray::dup).toList();
                long start = System.nanoTime();
                for (int l = 0; l < pre.size(); l++) {
                    if (useDl4j) {
                        relu.backprop(pre.get(l), eps.get(l));
                    } else {
                        ReluGradient.backpropInPlace(pre.get(l), eps.get(l));
                    }
                }
                if (i >= 0) {
                    (useDl4j ? dl4j : fast)[i] = (System.nanoTime() - start) / 1e9;
                }
            }
        }
        StepTimes d = new StepTimes(dl4j);
        StepTimes f = new StepTimes(fast);
        out.accept(String.format(Locale.ROOT, "%-6s %4d px  ReLU backward of %d convolutions, b%d: DL4J relu_bp "
                        + "%.1f ms (min %.1f)  ReluGradient %.1f ms (min %.1f)  (%d interleaved pairs)",
                model.cliName(), size, z.size(), o.batch(), d.median() * 1e3, d.min() * 1e3, f.median() * 1e3,
                f.min() * 1e3, o.iterations()));
    }
}
