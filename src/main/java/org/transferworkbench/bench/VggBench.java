package org.transferworkbench.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.transferworkbench.engine.data.AugmentationSettings;
import org.transferworkbench.engine.features.CacheDecision;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.LayerSpec;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.OptimizationSettings;
import org.transferworkbench.engine.model.VggGraphFactory;
import org.transferworkbench.engine.model.VggLayout;
import org.transferworkbench.engine.training.NativeThreads;
import org.transferworkbench.engine.model.VggVariant;

/**
 * Throughput and memory of the project's own VGG graphs (the ones training uses) on synthetic data, case by case.
 * FLOPs count 2 per multiply-add; a training step counts the forward pass plus twice the forward cost of every
 * trained layer (gradients of inputs and of weights), which is 3x forward when everything is trained.
 */
public final class VggBench {
    private final BenchOptions options;
    private final Consumer<String> out;
    private final List<BenchResult> results = new ArrayList<>();

    public VggBench(BenchOptions options, Consumer<String> out) {
        this.options = options;
        this.out = out;
    }

    public List<BenchResult> run() {
        System.setProperty("tw.fastConv", Boolean.toString(!options.stock()));
        for (VggVariant model : options.models()) {
            for (int size : options.sizes()) {
                DataSet data = randomBatch(options.batch(), size, options.seed());
                for (BenchCase c : options.cases()) {
                    runCase(c, model, size, data);
                }
            }
        }
        return List.copyOf(results);
    }

    private void runCase(BenchCase c, VggVariant model, int size, DataSet data) {
        ModelSpec compact = ModelSpec.compact(model, size, BenchOptions.CLASSES);
        switch (c) {
            case INFER -> withGraph(compact, FreezePlan.fineTuneAll(), g ->
                    time("infer", compact, 2.0 * mulAdds(compact, FreezePlan.featureExtraction(), 0, true),
                            () -> g.outputSingle(false, data.getFeatures())));
            case FULL -> withGraph(compact, FreezePlan.fineTuneAll(), g ->
                    time("full", compact, trainFlops(compact, FreezePlan.fineTuneAll(), 0), () -> g.fit(data)));
            case FROZEN -> withGraph(compact, FreezePlan.featureExtraction(), g ->
                    time("frozen", compact, trainFlops(compact, FreezePlan.featureExtraction(), 0),
                            () -> g.fit(data)));
            case CACHED -> {
                cached(compact, data, true);
                if (size == ModelSpec.MAX_INPUT) {
                    cached(ModelSpec.paper(model, size, BenchOptions.CLASSES), data, false);
                }
            }
        }
    }

    /** The feature pass of the frozen prefix (timed when {@code timePrefix}), then head-only steps on its output. */
    private void cached(ModelSpec spec, DataSet data, boolean timePrefix) {
        FreezePlan plan = FreezePlan.featureExtraction();
        VggLayout layout = VggLayout.of(spec);
        int split = CacheDecision.decide(layout, plan, AugmentationSettings.NONE, true).splitLayer();
        INDArray features;
        ComputationGraph prefix = VggGraphFactory.buildPrefix(spec, plan, settings(), split);
        try {
            if (timePrefix) {
                time("features", spec, 2.0 * mulAdds(spec, plan, 0, split, true),
                        () -> prefix.outputSingle(false, data.getFeatures()));
            }
            features = prefix.outputSingle(false, data.getFeatures()).detach();
        } finally {
            release(prefix);
        }
        DataSet cachedBatch = new DataSet(features, data.getLabels());
        ComputationGraph tail = VggGraphFactory.buildTail(spec, plan, settings(), split);
        try {
            // as the engine trains it: a small head on one native thread (NativeThreads)
            try (NativeThreads threads = NativeThreads.forWorkPerImage(mulAdds(spec, plan, split,
                    layout.layers().size(), true))) {
                time("cached-" + spec.head().name().toLowerCase(java.util.Locale.ROOT), spec,
                        trainFlops(spec, plan, split), () -> tail.fit(cachedBatch));
            }
        } finally {
            release(tail);
        }
    }

    private void withGraph(ModelSpec spec, FreezePlan plan, Consumer<ComputationGraph> body) {
        ComputationGraph g = VggGraphFactory.build(spec, plan, settings());
        try {
            body.accept(g);
        } finally {
            release(g);
        }
    }

    private void time(String caseName, ModelSpec spec, double flopsPerImage, Runnable step) {
        double sgemm = SgemmCheck.gflops();
        BenchResult r;
        try (MemoryPeak memory = MemoryPeak.start()) {
            StepTimes times = StepTimes.measure(step, options.warmup(), options.iterations());
            r = new BenchResult(conv(), spec.variant().cliName(), spec.inputSize(), caseName, options.batch(), times,
                    flopsPerImage, sgemm, memory.peak());
        }
        results.add(r);
        out.accept(r.line());
        appendCsv(r);
    }

    /** "fast-conv" marks fast convolutions with the stock pooling ({@code -Dtw.fastPool=false}). */
    String conv() {
        return options.stock() ? "stock" : VggGraphFactory.fastPooling() ? "fast" : "fast-conv";
    }

    /** Rows are appended one by one (not written atomically) so that a long run that is stopped keeps its rows. */
    private void appendCsv(BenchResult r) {
        if (options.csv() == null) {
            return;
        }
        try {
            if (!Files.exists(options.csv())) {
                Files.writeString(options.csv(), BenchResult.CSV_HEADER + "\n");
            }
            Files.writeString(options.csv(), r.csvRow() + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forward pass of layers [from, end) plus, for trained layers, their two backward products. */
    static double trainFlops(ModelSpec spec, FreezePlan plan, int from) {
        int end = VggLayout.of(spec).layers().size();
        return 2.0 * (mulAdds(spec, plan, from, end, true) + 2 * mulAdds(spec, plan, from, end, false));
    }

    private static long mulAdds(ModelSpec spec, FreezePlan plan, int from, boolean all) {
        return mulAdds(spec, plan, from, VggLayout.of(spec).layers().size(), all);
    }

    private static long mulAdds(ModelSpec spec, FreezePlan plan, int from, int end, boolean all) {
        return VggLayout.of(spec).layers().subList(from, end).stream()
                .filter(l -> all || !plan.isFrozen(l.group())).mapToLong(LayerSpec::multiplyAdds).sum();
    }

    static OptimizationSettings settings() {
        return new OptimizationSettings(new Adam(1e-4), new Adam(1e-4), 0.0, 42, null);
    }

    /** Frees the graph's arrays and workspaces before the next, perhaps bigger, graph is built. */
    static void release(ComputationGraph g) {
        g.close();
        Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        System.gc();
    }

    /** Pixel-like values (0-255 minus the mean) and one-hot labels, the same for a given seed. */
    static DataSet randomBatch(int batch, int size, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, 3, size, size).muli(255).subi(120);
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, BenchOptions.CLASSES);
        for (int i = 0; i < batch; i++) {
            y.putScalar(i, i % BenchOptions.CLASSES, 1.0);
        }
        return new DataSet(x, y);
    }
}
