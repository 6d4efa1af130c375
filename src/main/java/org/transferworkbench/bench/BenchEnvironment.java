package org.transferworkbench.bench;

import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;
import org.transferworkbench.engine.model.VggGraphFactory;
import org.transferworkbench.engine.model.fast.FastConvolutionLayer;

/** The lines printed before the figures: what ran where, so that numbers from different runs can be compared. */
public final class BenchEnvironment {

    private BenchEnvironment() {
    }

    public static List<String> describe(BenchOptions o) {
        return List.of(
                String.format(Locale.ROOT, "cpu: %d cores, %s %s; java %s; heap max %.1f GB; javacpp maxPhysicalBytes"
                                + " %.1f GB", Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                        System.getProperty("os.arch"), System.getProperty("java.version"),
                        Runtime.getRuntime().maxMemory() / 1e9, Pointer.maxPhysicalBytes() / 1e9),
                String.format(Locale.ROOT, "nd4j: %s, threads %d, helpers (oneDNN) allowed %s, OMP_NUM_THREADS=%s",
                        Nd4j.getBackend().getClass().getSimpleName(), Nd4j.getEnvironment().maxThreads(),
                        Nd4j.getEnvironment().helpersAllowed(), System.getenv("OMP_NUM_THREADS")),
                String.format(Locale.ROOT, "convolutions: %s; max pooling: %s; batch %d; %d warm-up + %d timed "
                                + "iterations, median; synthetic data, seed %d",
                        o.stock() ? "stock DL4J layer" : "fast, " + FastConvolutionLayer.engineDescription(),
                        !o.stock() && VggGraphFactory.fastPooling() ? "fast (Java, 2x2)" : "stock DL4J layer",
                        o.batch(), o.warmup(), o.iterations(), o.seed()));
    }
}
