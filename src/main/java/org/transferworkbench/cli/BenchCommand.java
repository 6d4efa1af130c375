package org.transferworkbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.transferworkbench.bench.BenchCase;
import org.transferworkbench.bench.BenchEnvironment;
import org.transferworkbench.bench.BenchOptions;
import org.transferworkbench.bench.CheckpointComparison;
import org.transferworkbench.bench.LargestBatch;
import org.transferworkbench.bench.ReluComparison;
import org.transferworkbench.bench.SwitchComparison;
import org.transferworkbench.bench.VggBench;
import org.transferworkbench.engine.model.VggVariant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: throughput and memory of the VGG graphs on synthetic data; the measuring is in the bench package. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time inference and training steps of VGG16/VGG19 on synthetic data.",
            "Cases: infer, full (fine-tune all), frozen (conv frozen, uncached), cached (feature pass, then "
                + "head-only steps; also the paper head at 224). See docs/PERFORMANCE.md."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--models", split = ",", defaultValue = "vgg16,vgg19", description = "(default: ${DEFAULT-VALUE})")
    List<String> models;

    @Option(names = "--sizes", split = ",", defaultValue = "64,128,224", description = "(default: ${DEFAULT-VALUE})")
    List<Integer> sizes;

    @Option(names = "--cases", split = ",", defaultValue = "infer,full,frozen,cached",
            description = "(default: ${DEFAULT-VALUE})")
    List<String> cases;

    @Option(names = "--batch", defaultValue = "16", description = "(default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--iterations", defaultValue = "5", description = "Timed iterations per case (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed iterations first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--stock", description = "DL4J's own convolution layer instead of the oneDNN one.")
    boolean stock;

    @Option(names = "--largest-batch", arity = "0..1", fallbackValue = "256", paramLabel = "CAP",
            description = "Instead of the cases: the largest batch (16, 32, ... up to CAP, default 256) a full step fits.")
    Integer largestBatchCap;

    @Option(names = "--pooling-ab", description = "Instead of the cases: the fast max pooling against DL4J's own, "
            + "inference and full step, iterations interleaved in one process.")
    boolean poolingAb;

    @Option(names = "--onednn-ab", description = "Instead of the cases: the convolutions calling oneDNN directly "
            + "against the same through libnd4j's ops, inference and full step, interleaved in one process.")
    boolean oneDnnAb;

    @Option(names = "--checkpoint-ab", description = "Instead of the cases: the time to save a checkpoint, the "
            + "Workbench's writer against ModelSerializer's, interleaved, and the in-memory copy a background "
            + "save needs.")
    boolean checkpointAb;

    @Option(names = "--relu-ab", description = "Instead of the cases: the ReLU backward pass of one step's "
            + "convolutions, DL4J's against the fast layer's, interleaved.")
    boolean reluAb;

    @Option(names = "--seed", defaultValue = "7", description = "(default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--csv", paramLabel = "FILE", description = "Append one row per case to FILE.")
    Path csv;

    BenchOptions options() {
        return new BenchOptions(models.stream().map(VggVariant::parse).toList(), sizes,
                cases.stream().map(BenchCase::parse).toList(), batch, iterations, warmup, stock,
                largestBatchCap == null ? 0 : largestBatchCap, seed, csv);
    }

    @Override
    public Integer call() {
        BenchOptions o = options();
        BenchEnvironment.describe(o).forEach(System.out::println);
        if (o.largestBatchCap() > 0) {
            return eachModelAndSize(o, (m, s, options, out) -> LargestBatch.find(m, s, options.largestBatchCap(),
                    options.seed(), out));
        }
        if (poolingAb) {
            return eachModelAndSize(o, SwitchComparison::pooling);
        }
        if (oneDnnAb) {
            return eachModelAndSize(o, SwitchComparison::oneDnn);
        }
        if (checkpointAb) {
            return eachModelAndSize(o, CheckpointComparison::run);
        }
        if (reluAb) {
            return eachModelAndSize(o, ReluComparison::run);
        }
        new VggBench(o, System.out::println).run();
        return 0;
    }

    /** One of the in-process comparisons that replace the cases. */
    private interface Comparison {
        void run(VggVariant model, int size, BenchOptions o, java.util.function.Consumer<String> out);
    }

    private static int eachModelAndSize(BenchOptions o, Comparison comparison) {
        for (VggVariant m : o.models()) {
            o.sizes().forEach(s -> comparison.run(m, s, o, System.out::println));
        }
        return 0;
    }
}
