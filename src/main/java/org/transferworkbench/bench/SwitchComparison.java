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
 * Two builds of the same graph that differ in one system-property switch, in one process with their iterations
 * interleaved: two separate processes of the same case differ by 10-25 % here, more than the differences sought.
 */
public final class SwitchComparison {

    private final String property;
    private final String onLabel;
    private final String offLabel;

    private SwitchComparison(String property, String onLabel, String offLabel) {
        this.property = property;
        this.onLabel = onLabel;
        this.offLabel = offLabel;
    }

    /** The fast 2x2 max pooling against DL4J's own, both with the fast convolutions. */
    public static void pooling(VggVariant model, int size, BenchOptions o, Consumer<String> out) {
        new SwitchComparison("tw.fastPool", "fast pooling", "stock pooling").run(model, size, o, out);
    }

    /** Convolutions calling oneDNN directly against the same through libnd4j's conv2d ops. */
    public static void oneDnn(VggVariant model, int size, BenchOptions o, Consumer<String> out) {
        new SwitchComparison("tw.onednn", "direct oneDNN", "libnd4j ops").run(model, size, o, out);
    }

    private void run(VggVariant model, int size, BenchOptions o, Consumer<String> out) {
        ModelSpec spec = ModelSpec.compact(model, size, BenchOptions.CLASSES);
        ComputationGraph on = build(spec, true);
        ComputationGraph off = build(spec, false);
        try {
            GraphParams.copyMatching(on, off);
            DataSet data = VggBench.randomBatch(o.batch(), size, o.seed());
            compare("infer", model, size, o, out, on, off, g -> g.outputSingle(false, data.getFeatures()));
            compare("full", model, size, o, out, on, off, g -> g.fit(data));
        } finally {
            VggBench.release(on);
            VggBench.release(off);
        }
    }

    private void compare(String what, VggVariant model, int size, BenchOptions o, Consumer<String> out,
                         ComputationGraph on, ComputationGraph off, Consumer<ComputationGraph> step) {
        for (int i = 0; i < o.warmup(); i++) {
            step.accept(on);
            step.accept(off);
        }
        double[] onSeconds = new double[o.iterations()];
        double[] offSeconds = new double[o.iterations()];
        for (int i = 0; i < o.iterations(); i++) {
            boolean onFirst = i % 2 == 0; // neither side always runs right after the other
            for (int k = 0; k < 2; k++) {
                boolean useOn = (k == 0) == onFirst;
                long start = System.nanoTime();
                step.accept(useOn ? on : off);
                (useOn ? onSeconds : offSeconds)[i] = (System.nanoTime() - start) / 1e9;
            }
        }
        StepTimes a = new StepTimes(onSeconds);
        StepTimes b = new StepTimes(offSeconds);
        out.accept(String.format(Locale.ROOT, "%-6s %4d px  %-6s b%d  %s %.3f s/iter (min %.3f)  %s %.3f s/iter "
                        + "(min %.3f)  time ratio %.2f  (%d interleaved pairs)",
                model.cliName(), size, what, o.batch(), onLabel, a.median(), a.min(), offLabel, b.median(), b.min(),
                a.median() / b.median(), o.iterations()));
    }

    /** The switch is read while the graph's layers are built. */
    private ComputationGraph build(ModelSpec spec, boolean switchOn) {
        String before = System.getProperty(property);
        System.setProperty(property, Boolean.toString(switchOn));
        try {
            return VggGraphFactory.build(spec, FreezePlan.fineTuneAll(), VggBench.settings());
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }
}
