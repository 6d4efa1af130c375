package org.transferworkbench.engine.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.data.ImageBatchIterator;
import org.transferworkbench.engine.data.Split;
import org.transferworkbench.engine.data.SplitManifest;
import org.transferworkbench.engine.features.CacheDecision;
import org.transferworkbench.engine.features.CachedFeatureIterator;
import org.transferworkbench.engine.features.FeatureCacheKey;
import org.transferworkbench.engine.features.FeatureExtraction;
import org.transferworkbench.engine.features.FeatureStore;
import org.transferworkbench.engine.io.Json;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.GraphParams;
import org.transferworkbench.engine.model.LayerSpec;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.OptimizationSettings;
import org.transferworkbench.engine.model.VggGraphFactory;
import org.transferworkbench.engine.model.VggLayout;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.training.DataParallelism;
import org.transferworkbench.engine.training.EarlyStopping;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.engine.training.NativeThreads;
import org.transferworkbench.engine.training.Trainer;
import org.transferworkbench.engine.training.TrainingListener;

/**
 * Training when the first blocks are frozen and augmentation is off: the frozen part runs once per image (or not
 * at all when an earlier run cached the same features) and only the rest of the network is trained, on the
 * cached features. After every epoch the trained layers are copied back into the full network, which is what is
 * saved, so the run's model files are the same as without the cache.
 */
final class CachedTraining {
    private static final Logger LOG = LoggerFactory.getLogger(CachedTraining.class);
    static final String REPORT_FILE = "feature-cache.json";

    /** What the run's feature-cache.json says. */
    record Report(String featureLayer, String trainKey, String validationKey, boolean reused, double secondsToBuild,
                  long bytes, boolean inMemory, String directory) { }

    private CachedTraining() {
    }

    static boolean allowed() {
        return !"false".equalsIgnoreCase(System.getProperty("tw.featureCache", "true"));
    }

    static Trainer.Outcome fit(RunDirectory run, RunConfig config, ModelSpec spec, OptimizationSettings opt,
                               CacheDecision decision, SplitManifest split, ComputationGraph model,
                               TrainingListener recording, ExperimentListener listener, CancellationToken cancel,
                               int firstEpoch, EarlyStopping stopping, DataParallelism parallelism)
            throws IOException {
        FreezePlan plan = config.parsedFreezePlan();
        ComputationGraph prefix = VggGraphFactory.buildPrefix(spec, plan, opt, decision.splitLayer());
        GraphParams.copyMatching(model, prefix);
        ComputationGraph tail = VggGraphFactory.buildTail(spec, plan, opt, decision.splitLayer());
        GraphParams.copyMatching(model, tail);
        copyUpdaterState(model, tail);

        List<String> prefixLayers = VggLayout.of(spec).layers().subList(0, decision.splitLayer()).stream()
                .map(l -> l.name()).toList();
        String weights = GraphParams.fingerprint(prefix, prefixLayers);
        FeatureStore store = new FeatureStore(FeatureStore.defaultDirectory(), memoryBudget());
        listener.onStage("caching features");
        long start = System.nanoTime();
        FeatureExtraction.Obtained train = obtain(store, weights, decision, config, split, Split.TRAIN, prefix,
                listener, cancel);
        FeatureExtraction.Obtained val = obtain(store, weights, decision, config, split, Split.VALIDATION, prefix,
                listener, cancel);
        double seconds = (System.nanoTime() - start) / 1e9;
        Report report = new Report(decision.featureLayer(), train.features().header().key(),
                val.features().header().key(), train.reused() && val.reused(), seconds,
                bytes(train) + bytes(val), train.features().inMemory(), store.directory().toString());
        Json.writeAtomically(run.file(REPORT_FILE), report);
        String msg = String.format(Locale.ROOT, "Feature cache at %s: %s in %.1f s (%.1f MB, %s).",
                decision.featureLayer(), report.reused() ? "reused from an earlier run" : "computed",
                seconds, report.bytes() / 1e6, report.inMemory() ? "in memory" : "read from disk");
        recording.onMessage(msg);
        listener.onStage("training");
        long tailWork = VggLayout.of(spec).layers().subList(decision.splitLayer(), VggLayout.of(spec).layers().size())
                .stream().mapToLong(LayerSpec::multiplyAdds).sum();
        try (var trainFeatures = train.features(); var valFeatures = val.features();
             NativeThreads threads = NativeThreads.forWorkPerImage(parallelism.parallel() ? Long.MAX_VALUE
                     : tailWork)) {
            if (threads.capped()) {
                LOG.info("Training the head on one native thread: {} multiply-adds per image are too few to share",
                        tailWork);
            }
            int batch = config.hyperparameters().batchSize();
            long seed = config.hyperparameters().seed();
            Trainer trainer = new Trainer(tail, config.hyperparameters(), split.classNames(),
                    new BackToFullNetwork(tail, model, recording), cancel, parallelism);
            return trainer.fit(new CachedFeatureIterator(trainFeatures, split.classNames(), batch, true, seed),
                    new CachedFeatureIterator(valFeatures, split.classNames(), batch, false, seed),
                    firstEpoch, stopping);
        } finally {
            GraphParams.copyMatching(tail, model);
        }
    }

    private static FeatureExtraction.Obtained obtain(FeatureStore store, String weights, CacheDecision decision,
                                                     RunConfig config, SplitManifest split, Split which,
                                                     ComputationGraph prefix, ExperimentListener listener,
                                                     CancellationToken cancel) throws IOException {
        var entries = split.entries(which);
        String key = FeatureCacheKey.of(weights, decision.featureLayer(), config.inputSize(), config.resizePolicy(),
                Path.of(config.datasetRoot()), entries);
        try (ImageBatchIterator images = TrainingData.evaluationData(config, split, which)) {
            return FeatureExtraction.obtain(store, key, prefix, images, entries.size(), split.classNames().size(),
                    listener::onProgress, cancel);
        }
    }

    private static long bytes(FeatureExtraction.Obtained o) {
        return o.features().header().rows() * o.features().header().floatsPerRow() * Float.BYTES;
    }

    private static long memoryBudget() {
        return Math.min(1_500_000_000L, Runtime.getRuntime().maxMemory() / 3);
    }

    /**
     * Frozen layers have no optimiser state, so the trained layers' state is laid out identically in both graphs;
     * copying it keeps resumed runs exact.
     */
    static void copyUpdaterState(ComputationGraph from, ComputationGraph to) {
        INDArray a = from.getUpdater() == null ? null : from.getUpdater().getStateViewArray();
        INDArray b = to.getUpdater() == null ? null : to.getUpdater().getStateViewArray();
        if (a != null && b != null && a.length() == b.length()) {
            b.assign(a);
        } else if (a != null || b != null) {
            LOG.debug("Optimiser state not copied: sizes {} and {}", a == null ? 0 : a.length(),
                    b == null ? 0 : b.length());
        }
    }

    /** Hands the full network, up to date, to the recorder, which saves it. */
    private record BackToFullNetwork(ComputationGraph tail, ComputationGraph full, TrainingListener delegate)
            implements TrainingListener {

        @Override
        public void onMessage(String message) {
            delegate.onMessage(message);
        }

        @Override
        public void onIteration(org.transferworkbench.engine.training.IterationProgress progress) {
            delegate.onIteration(progress);
        }

        @Override
        public void onEpochCompleted(EpochMetrics metrics, ComputationGraph model, boolean improved) {
            GraphParams.copyMatching(tail, full);
            copyUpdaterState(tail, full);
            delegate.onEpochCompleted(metrics, full, improved);
        }
    }
}
