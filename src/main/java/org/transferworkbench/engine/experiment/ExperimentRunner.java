package org.transferworkbench.engine.experiment;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
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
import org.transferworkbench.engine.model.ModelSpec;
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
import org.transferworkbench.engine.training.EarlyStopping;
import org.transferworkbench.engine.training.Trainer;

/**
 * One whole run: scan the data, split it, create the run folder, build the network, train, and evaluate the best
 * model on the test split. Runs on the caller's thread (a worker); the listener hears every step.
 */
public final class ExperimentRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

    private final RunStore store;
    private final WeightsLoader weightsLoader;

    public ExperimentRunner(RunStore store) {
        this(store, WeightsLoader.standard());
    }

    public ExperimentRunner(RunStore store, WeightsLoader weightsLoader) {
        this.store = store;
        this.weightsLoader = weightsLoader;
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
        // Before the run folder exists: a missing weights file fails here, leaving nothing behind.
        String weights = weightsLoader.describe(request.weights(), VggLayout.of(spec), cancel);

        RunDirectory run = store.create(request.runName(), LocalDateTime.now());
        try (RunLock lock = run.lock()) {
            RunConfig config = RunConfigs.of(request, scan, split, Instant.now(), weights);
            run.writeConfig(config);
            split.write(run.file(RunDirectory.SPLIT));
            DataPreparation.writeSkipped(scan, run.file(RunDirectory.SKIPPED));
            RunRecorder recorder = new RunRecorder(run, RunStatus.started(Instant.now()), List.of());
            recorder.update(recorder.status());
            listener.onRunCreated(run);
            for (String w : scan.warnings()) {
                listener.onMessage("Warning: " + w);
                recorder.log("Warning: " + w);
            }
            return train(run, config, spec, split, recorder, listener, cancel, 1,
                    new EarlyStopping(request.hyper().earlyStoppingPatience()), null, request.weights());
        }
    }

    ExperimentResult train(RunDirectory run, RunConfig config, ModelSpec spec, SplitManifest split,
                           RunRecorder recorder, ExperimentListener listener, CancellationToken cancel,
                           int firstEpoch, EarlyStopping stopping, ComputationGraph startModel) throws IOException {
        return train(run, config, spec, split, recorder, listener, cancel, firstEpoch, stopping, startModel,
                WeightsChoice.RANDOM);
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
            ComputationGraph model = startModel != null ? startModel : VggGraphFactory.build(spec,
                    config.parsedFreezePlan(),
                    config.hyperparameters().toOptimization(DataPreparation.inverseFrequencyWeights(split)));
            if (startModel == null) {
                loadWeights(run, spec, model, weights, recorder, listener, cancel);
            }
            listener.onStage("training");
            Trainer.Outcome outcome;
            try (TrainingData data = TrainingData.open(config, split)) {
                Trainer trainer = new Trainer(model, config.hyperparameters(), split.classNames(),
                        new RecordingListener(recorder, listener), cancel);
                outcome = trainer.fit(data.train(), data.validation(), firstEpoch, stopping);
            }
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
            recorder.update(recorder.status().ended(RunState.FAILED, why, Instant.now()));
            throw new RunFailedException(run, why, e);
        }
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
