package org.transferworkbench.bench;

import java.util.Locale;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.GraphParams;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.VggGraphFactory;
import org.transferworkbench.engine.model.VggVariant;

/**
 * The fast max pooling against DL4J's own, both with the fast convolutions, in one process with their iterations
 * interleaved: two separate processes of the same case differ by 10-25 % here, more than the difference sought.
 */
public final class PoolingComparison {

    private PoolingComparison() {
    }

    public static void run(VggVariant model, int size, BenchOptions o, Consumer<String> out) {
        ModelSpec spec = ModelSpec.compact(model, size, BenchOptions.CLASSES);
        ComputationGraph fast = build(spec, true);
        ComputationGraph stock = build(spec, false);
        try {
            GraphParams.copyMatching(fast, stock);
            DataSet data = VggBench.randomBatch(o.batch(), size, o.seed());
            compare("infer", model, size, o, out, fast, stock, g -> g.outputSingle(false, data.getFeatures()));
            compare("full", model, size, o, out, fast, stock, g -> g.fit(data));
        } finally {
            VggBench.release(fast);
            VggBench.release(stock);
        }
    }

    private static void compare(String what, VggVariant model, int size, BenchOptions o, Consumer<String> out,
                                ComputationGraph fast, ComputationGraph stock, Consumer<ComputationGraph> step) {
        for (int i = 0; i < o.warmup(); i++) {
            step.accept(fast);
            step.accept(stock);
        }
        double[] fastSeconds = new double[o.iterations()];
        double[] stockSeconds = new double[o.iterations()];
        for (int i = 0; i < o.iterations(); i++) {
            boolean fastFirst = i % 2 == 0; // neither side always runs right after the other
            for (int k = 0; k < 2; k++) {
                boolean useFast = (k == 0) == fastFirst;
                long start = System.nanoTime();
                step.accept(useFast ? fast : stock);
                (useFast ? fastSeconds : stockSeconds)[i] = (System.nanoTime() - start) / 1e9;
            }
        }
        StepTimes f = new StepTimes(fastSeconds);
        StepTimes s = new StepTimes(stockSeconds);
        out.accept(String.format(Locale.ROOT, "%-6s %4d px  %-6s b%d  fast pooling %.3f s/iter (min %.3f)  stock "
                        + "pooling %.3f s/iter (min %.3f)  fast/stock time %.2f  (%d interleaved pairs)",
                model.cliName(), size, what, o.batch(), f.median(), f.min(), s.median(), s.min(),
                f.median() / s.median(), o.iterations()));
    }

    private static ComputationGraph build(ModelSpec spec, boolean fastPooling) {
        String before = System.getProperty("tw.fastPool");
        System.setProperty("tw.fastPool", Boolean.toString(fastPooling));
        try {
            return VggGraphFactory.build(spec, FreezePlan.fineTuneAll(), VggBench.settings());
        } finally {
            if (before == null) {
                System.clearProperty("tw.fastPool");
            } else {
                System.setProperty("tw.fastPool", before);
            }
        }
    }
}
