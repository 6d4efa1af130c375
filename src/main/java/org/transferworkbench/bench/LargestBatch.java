package org.transferworkbench.bench;

import java.util.Locale;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.VggGraphFactory;
import org.transferworkbench.engine.model.VggVariant;

/**
 * The largest batch for which a full fine-tuning step still fits: the batch doubles from 16 until an allocation
 * fails or the cap is reached. Off-heap memory is capped by {@code -Dorg.bytedeco.javacpp.maxphysicalbytes}
 * (run.sh sets it), so a failure here is JavaCPP refusing to allocate, not the machine running out.
 */
public final class LargestBatch {
    private static final int FIRST = 16;

    private LargestBatch() {
    }

    public static int find(VggVariant model, int size, int cap, long seed, Consumer<String> out) {
        int largest = 0;
        ModelSpec spec = ModelSpec.compact(model, size, BenchOptions.CLASSES);
        for (int batch = FIRST; batch <= cap; batch *= 2) {
            ComputationGraph g = null;
            try (MemoryPeak memory = MemoryPeak.start()) {
                var data = VggBench.randomBatch(batch, size, seed);
                g = VggGraphFactory.build(spec, FreezePlan.fineTuneAll(), VggBench.settings());
                long start = System.nanoTime();
                g.fit(data);
                g.fit(data);
                double seconds = (System.nanoTime() - start) / 2e9;
                MemoryPeak.Peak p = memory.peak();
                out.accept(String.format(Locale.ROOT, "%-6s %3d px  full step, batch %4d fits: %.2f s/step, "
                        + "rss peak %.2f GB, javacpp peak %.2f GB", model.cliName(), size, batch, seconds,
                        p.physicalBytes() / 1e9, p.javacppBytes() / 1e9));
                largest = batch;
            } catch (OutOfMemoryError | RuntimeException e) {
                out.accept(String.format(Locale.ROOT, "%-6s %3d px  full step, batch %4d failed: %s",
                        model.cliName(), size, batch, e.getMessage()));
                break;
            } finally {
                if (g != null) {
                    VggBench.release(g);
                }
            }
        }
        out.accept(String.format(Locale.ROOT, "%-6s %3d px  largest batch for a full step: %d%s", model.cliName(),
                size, largest, largest >= cap ? " (the cap; larger not tried)" : ""));
        return largest;
    }
}
