package org.transferworkbench.engine.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.data.DatasetScan;
import org.transferworkbench.engine.data.DatasetScanner;
import org.transferworkbench.engine.data.DatasetSplitter;
import org.transferworkbench.engine.data.SplitManifest;
import org.transferworkbench.engine.eval.EvaluationResult;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.features.CacheDecision;
import org.transferworkbench.engine.device.DeviceTopology;
import org.transferworkbench.engine.device.MemoryBudget;
import org.transferworkbench.engine.model.MemoryEstimate;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.OptimizationSettings;
import org.transferworkbench.engine.training.TrainingListener;
import org.transferworkbench.engine.runs.ModelFiles;
import org.transferworkbench.engine.io.Json;
import org.transferworkbench.engine.model.VggGraphFactory;
import org.transferworkbench.engine.model.VggLayout;
import org.transferworkbench.engine.model.weights.WeightLoadReport;
import org.transferworkbench.engine.model.weights.WeightsChoice;
import org.transferworkbench.engine.model.weights.WeightsLoader;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunLock;
import org.transferworkbench.engine.runs.RunRecorder;
import org.transferworkbench.engine.runs.RunState;
import org.transferworkbench.engine.runs.RunStatus;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.engine.training.DataParallelism;
import org.transferworkbench.engine.training.EarlyStopping;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.engine.training.Trainer;

/**
 * One whole run: scan the data, split it, create the run folder, build the network, train, and evaluate the best
 * model on the test split. Runs on the caller's thread (a worker); the listener hears every step.
 */
public final class ExperimentRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

    private final RunStore store;
    private final WeightsLoader weightsLoader;
    private final DataParallelism parallelism;

    public ExperimentRunner(RunStore store) {
        this(store, WeightsLoader.standard());
    }

    public ExperimentRunner(RunStore store, WeightsLoader weightsLoader) {
        this(store, weightsLoader, DataParallelism.SINGLE);
    }

    private ExperimentRunner(RunStore store, WeightsLoader weightsLoader, DataParallelism parallelism) {
        this.store = store;
        this.weightsLoader = weightsLoader;
        this.parallelism = parallelism;
    }

    /**
     * A runner that trains with several workers (one per GPU). Which number is sensible is the caller's decision
     * ({@link org.transferworkbench.engine.device.GpuCount#resolve}); this runner does not second-guess it, which
     * is what lets tests drive the ParallelWrapper path on the CPU.
     */
    public ExperimentRunner withParallelism(DataParallelism workers) {
        return new ExperimentRunner(store, weightsLoader, workers);
    }

    public ExperimentResult run(ExperimentRequest request, ExperimentListener listener, CancellationToken cancel)
            throws IOException {
        listener.onStage("scanning");
        DatasetScan scan = new DatasetScanner().scan(request.datasetRoot(), listener::onProgress, cancel);
        if (scan.classNames().size() < 2) {
            throw new IllegalArgumentException("The dataset " + request.datasetRoot() + " has "
                    + scan.classNames().size() + " class(es) with usable images; a classifier needs at least two "
                    + "sub-folders with images, one per class.");
        }
        listener.onStage("splitting");
        SplitManifest split = DataPreparation.split(scan, request);
        listener.onDataReady(scan, split);
        if (request.weights().keepImagenetHead()) {
            split = ImageNetHeadSplit.of(split);
        }
        ModelSpec spec = new ModelSpec(request.variant(), request.inputSize(), split.classNames().size(),
                request.head(), request.compactHiddenUnits(), request.dropout());
        // Before the run folder exists: a missing weights file or warm-start run fails here, leaving nothing behind.
        WeightsChoice weightsChoice = WarmStartResolver.resolve(request, split.classNames(), store);
        String weights = weightsLoader.describe(weightsChoice, VggLayout.of(spec), cancel);

        MemoryEstimate.of(VggLayout.of(spec), request.freezePlan(), request.hyper().batchSize(),
                request.hyper().optimizer().stateSlots())
                .requireFits(MemoryBudget.current(parallelism.workers()), request.hyper().batchSize());
        RunDirectory run = store.create(request.runName(), LocalDateTime.now());
        try (RunLock lock = run.lock()) {
            RunConfig config = RunConfigs.of(request, scan, split, Instant.now(), weights);
            run.writeConfig(config);
            StartingWeights.of(weightsChoice).write(run);
            split.write(run.file(RunDirectory.SPLIT));
            DataPreparation.writeSkipped(scan, run.file(RunDirectory.SKIPPED));
            RunRecorder recorder = new RunRecorder(run, RunStatus.started(Instant.now()), List.of());
            recorder.update(recorder.status());
            listener.onRunCreated(run);
            List<String> warnings = new ArrayList<>(DataPreparation.warnings(scan, request));
            WarmStartResolver.freezeWarning(request).ifPresent(warnings::add);
            for (String w : warnings) {
                listener.onMessage("Warning: " + w);
                recorder.log("Warning: " + w);
            }
            return train(run, config, spec, split, recorder, listener, cancel, 1,
                    new EarlyStopping(request.hyper().earlyStoppingPatience()), null, weightsChoice);
        }
    }

    /**
     * Continues an interrupted, cancelled or failed run from its last checkpoint: same configuration, same split,
     * optimiser state restored, metrics.csv continued.
     */
    public ExperimentResult resume(RunDirectory run, ExperimentListener listener, CancellationToken cancel)
            throws IOException {
        try (RunLock lock = run.lock()) {
            RunStatus status = run.readStatus();
            RunConfig config = run.readConfig();
            if (status.state() == RunState.SUCCEEDED) {
                throw new IllegalArgumentException("Run " + run.id() + " has finished; there is nothing to resume.");
            }
            int done = status.epochsCompleted();
            if (done >= config.hyperparameters().epochs()) {
                throw new IllegalArgumentException("Run " + run.id() + " has completed all "
                        + config.hyperparameters().epochs() + " epochs; evaluate it instead.");
            }
            listener.onStage("scanning");
            DatasetScan scan = new DatasetScanner().scan(Path.of(config.datasetRoot()), listener::onProgress, cancel);
            SplitManifest split = SplitManifest.read(run.file(RunDirectory.SPLIT));
            split.verifyAgainst(scan);
            listener.onDataReady(scan, split);
            ComputationGraph model = done == 0 ? null : ModelFiles.load(run.checkpoint(done), true);
            List<EpochMetrics> rows = run.readMetrics();
            RunRecorder recorder = new RunRecorder(run, status.resumed(Instant.now()),
                    rows.subList(0, Math.min(done, rows.size())));
            recorder.update(recorder.status());
            recorder.log("Resumed after epoch " + done + ".");
            listener.onRunCreated(run);
            listener.onMessage("Resuming run " + run.id() + " after epoch " + done + ".");
            EarlyStopping stopping = EarlyStopping.resumed(config.hyperparameters().earlyStoppingPatience(),
                    status.bestEpoch(), status.bestValidationAccuracy(), status.bestValidationLoss());
            return train(run, config, config.modelSpec(), split, recorder, listener, cancel, done + 1, stopping,
                    model, done == 0 ? startingWeights(run, config, listener) : WeightsChoice.RANDOM);
        }
    }

    /**
     * A run stopped before its first checkpoint starts again from what it first started from: the seeded random
     * initialisation is the same, and so are the pretrained weights when the user chose them.
     */
    private static WeightsChoice startingWeights(RunDirectory run, RunConfig config, ExperimentListener listener)
            throws IOException {
        Optional<StartingWeights> recorded = StartingWeights.read(run);
        if (recorded.isPresent()) {
            return recorded.get().toChoice();
        }
        if (config.weights() != null && !config.weights().startsWith("random")) {
            listener.onMessage("Warning: run " + run.id() + " predates " + StartingWeights.FILE + "; it restarts "
                    + "from random weights, not from " + config.weights() + ".");
        }
        return WeightsChoice.RANDOM;
    }

    /**
     * Trains (or continues training) the run's model and evaluates it.
     *
     * @param startModel the model to continue from, or null to build a fresh one
     * @param weights    starting weights of a fresh model
     */
    ExperimentResult train(RunDirectory run, RunConfig config, ModelSpec spec, SplitManifest split,
                           RunRecorder recorder, ExperimentListener listener, CancellationToken cancel,
                           int firstEpoch, EarlyStopping stopping, ComputationGraph startModel,
                           WeightsChoice weights) throws IOException {
        try {
            listener.onStage("building model");
            OptimizationSettings opt = config.hyperparameters()
                    .toOptimization(DataPreparation.inverseFrequencyWeights(split));
            ComputationGraph model = startModel != null ? startModel
                    : VggGraphFactory.build(spec, config.parsedFreezePlan(), opt);
            if (startModel == null) {
                loadWeights(run, spec, model, weights, recorder, listener, cancel);
            }
            TrainingListener recording = new RecordingListener(recorder, listener);
            CacheDecision cache = CacheDecision.decide(VggLayout.of(spec), config.parsedFreezePlan(),
                    config.augmentation(), CachedTraining.allowed());
            Trainer.Outcome outcome;
            announceParallelism(recording);
            if (cache.enabled()) {
                outcome = CachedTraining.fit(run, config, spec, opt, cache, split, model, recording, listener,
                        cancel, firstEpoch, stopping, parallelism);
            } else {
                if (config.parsedFreezePlan().frozenPrefixBlocks() > 0) {
                    recording.onMessage("Feature cache off: " + cache.reason() + ".");
                }
                listener.onStage("training");
                try (TrainingData data = TrainingData.open(config, split)) {
                    Trainer trainer = new Trainer(model, config.hyperparameters(), split.classNames(), recording,
                            cancel, parallelism);
                    outcome = trainer.fit(data.train(), data.validation(), firstEpoch, stopping);
                }
            }
            // Epochs are saved in the background; testing reads the best model from disk, and a save that failed
            // fails the run here, naming its epoch.
            recorder.awaitSaved();
            if (outcome.cancelled()) {
                String why = "Cancelled by the user after " + outcome.epochsCompleted() + " completed epoch(s).";
                recorder.update(recorder.status().ended(RunState.CANCELLED, why, Instant.now()));
                listener.onMessage(why);
                return new ExperimentResult(run, RunState.CANCELLED, outcome, null);
            }
            listener.onStage("testing");
            EvaluationResult test = TestEvaluation.evaluate(run, config, split, model, listener::onProgress, cancel);
            recorder.update(recorder.status().withTest(test.report().accuracy(), test.report().balancedAccuracy(),
                    Instant.now()));
            listener.onTestEvaluated(test);
            recorder.update(recorder.status().ended(RunState.SUCCEEDED, outcome.stoppedEarly()
                    ? "stopped early at epoch " + outcome.epochsCompleted() : "completed", Instant.now()));
            return new ExperimentResult(run, RunState.SUCCEEDED, outcome, test);
        } catch (CancellationException e) {
            recorder.update(recorder.status().ended(RunState.CANCELLED, "Cancelled by the user.", Instant.now()));
            return new ExperimentResult(run, RunState.CANCELLED, null, null);
        } catch (RuntimeException | IOException | OutOfMemoryError e) {
            String why = Errors.sentence(e);
            LOG.error("Run {} failed: {}", run.id(), why, e);
            recorder.log("FAILED: " + why);
            try {
                recorder.update(recorder.status().ended(RunState.FAILED, why, Instant.now()));
            } catch (IOException | RuntimeException statusError) {
                // e.g. the disk is still full: run.json stays RUNNING and reads as interrupted once we let go
                LOG.warn("Could not mark run {} failed", run.id(), statusError);
                e.addSuppressed(statusError);
            }
            throw new RunFailedException(run, why, e);
        } finally {
            recorder.close();
        }
    }

    private void announceParallelism(TrainingListener recording) {
        if (!parallelism.parallel()) {
            return;
        }
        String how = "Data-parallel training: " + parallelism.workers() + " workers (DL4J ParallelWrapper), each "
                + "on its own minibatches, parameters and optimiser state averaged after every round.";
        if (!DeviceTopology.current().severalGpus()) {
            // Only tests get here: the command line and the window offer several workers only with several GPUs.
            how += " On the CPU this is only a test of that path: the workers share the same cores.";
        }
        recording.onMessage(how);
    }

    private void loadWeights(RunDirectory run, ModelSpec spec, ComputationGraph model, WeightsChoice weights,
                             RunRecorder recorder, ExperimentListener listener, CancellationToken cancel)
            throws IOException {
        if (!weights.isRandom()) {
            listener.onStage("loading weights");
        }
        WeightLoadReport report = weightsLoader.load(weights, model, VggLayout.of(spec), listener::onProgress,
                cancel);
        Json.writeAtomically(run.file(WeightLoadReport.FILE_NAME), report);
        if (!weights.isRandom()) {
            listener.onMessage(report.toText().stripTrailing());
            recorder.log(report.toText().stripTrailing());
        }
    }
}
