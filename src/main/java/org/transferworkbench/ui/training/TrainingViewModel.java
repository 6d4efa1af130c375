package org.transferworkbench.ui.training;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.transferworkbench.engine.experiment.Errors;
import org.transferworkbench.engine.experiment.ExperimentRequest;
import org.transferworkbench.engine.experiment.ExperimentResult;
import org.transferworkbench.engine.experiment.ExperimentRunner;
import org.transferworkbench.engine.experiment.WarmStartExperiment;
import org.transferworkbench.engine.experiment.RunFailedException;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunState;
import org.transferworkbench.engine.training.DataParallelism;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.engine.training.IterationProgress;
import org.transferworkbench.ui.fx.BackgroundJob;
import org.transferworkbench.ui.fx.Formats;
import org.transferworkbench.ui.fx.JobHandle;
import org.transferworkbench.ui.fx.WorkbenchContext;

/** One training run at a time: start, stop, and the live figures drained from the engine's event buffer. */
public final class TrainingViewModel {
    static final double EMA_ALPHA = 0.1;
    /** The value of ProgressBar.INDETERMINATE_PROGRESS, without a scene-graph import in the view-model. */
    static final double INDETERMINATE = -1;
    private static final int MAX_LOG_LINES = 2000;

    private final WorkbenchContext context;
    private final RequestSource requests;
    private final BooleanProperty inputsValid = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("Not started.");
    private final ReadOnlyStringWrapper stage = new ReadOnlyStringWrapper("");
    private final DeviceViewModel devices;
    private final ReadOnlyIntegerWrapper bestEpoch = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<RunDirectory> currentRun = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RunEnd> lastEnd = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<EpochMetrics> epochs = FXCollections.observableArrayList();
    private final ObservableList<LossPoint> iterationLoss = FXCollections.observableArrayList();
    private final BooleanBinding canStart = Bindings.createBooleanBinding(() -> inputsValid.get() && !running.get(),
            inputsValid, running);
    private TrainingEventBuffer buffer;
    private JobHandle job;
    private double ema = Double.NaN;

    public TrainingViewModel(WorkbenchContext context, RequestSource requests) {
        this(context, requests, new DeviceViewModel(context.executor()));
    }

    TrainingViewModel(WorkbenchContext context, RequestSource requests, DeviceViewModel devices) {
        this.context = context;
        this.requests = requests;
        this.devices = devices;
    }

    /** Looks the device up on a worker: the first ND4J call loads the native backend (seconds). */
    public void detectDevice() {
        devices.detect();
    }

    public void start() {
        if (running.get()) {
            return;
        }
        ExperimentRequest request;
        try {
            request = requests.request();
        } catch (IllegalArgumentException e) {
            appendLog("Cannot start: " + e.getMessage());
            lastEnd.set(new RunEnd(null, RunState.FAILED, e.getMessage(), e));
            return;
        }
        DataParallelism parallelism = devices.parallelism();
        launch("Training " + request.runName(), "Starting " + request.runName() + ": " + request.variant()
                + ", input " + request.inputSize() + ", " + request.freezePlan().describe(),
                (events, cancel) -> run(request, parallelism, events, cancel));
    }

    /** One run, or for the warm start the VGG11 run and then (if it succeeded) the requested one. */
    private ExperimentResult run(ExperimentRequest request, DataParallelism parallelism, TrainingEventBuffer events,
                                 CancellationToken cancel) throws IOException {
        ExperimentRunner runner = runner(parallelism);
        if (!WarmStartExperiment.appliesTo(request)) {
            return runner.run(request, events, cancel);
        }
        return new WarmStartExperiment(runner).run(request, events, cancel).last();
    }

    /**
     * Continues an interrupted, cancelled or failed run from its last checkpoint, through the same worker, log,
     * progress and charts as a new run (the charts show the epochs trained from now on).
     */
    public void resume(RunDirectory run) {
        if (running.get()) {
            appendLog("A run is training; stop it before resuming " + run.id() + ".");
            return;
        }
        DataParallelism parallelism = devices.parallelism();
        launch("Resuming " + run.id(), "Resuming " + run.id(),
                (events, cancel) -> runner(parallelism).resume(run, events, cancel));
    }

    private ExperimentRunner runner(DataParallelism parallelism) {
        return new ExperimentRunner(context.runStore()).withParallelism(parallelism);
    }

    /** The engine call of a run, fed the event buffer and the job's cancellation token. */
    @FunctionalInterface
    private interface RunWork {
        ExperimentResult call(TrainingEventBuffer events, CancellationToken cancel) throws Exception;
    }

    private void launch(String title, String firstLine, RunWork work) {
        epochs.clear();
        iterationLoss.clear();
        bestEpoch.set(-1);
        ema = Double.NaN;
        currentRun.set(null);
        progress.set(0);
        running.set(true);
        appendLog(firstLine);
        devices.trainingStarted();
        TrainingEventBuffer events = new TrainingEventBuffer();
        buffer = events;
        job = context.executor().submit(BackgroundJob.<ExperimentResult>titled(title,
                        (p, cancel) -> work.call(events, cancel))
                .onSucceeded(this::finished)
                .onFailed(this::failed)
                .onCancelled(() -> ended(new RunEnd(null, RunState.CANCELLED, "Cancelled before the run began.", null)))
                .build());
    }

    public void stop() {
        if (job != null && running.get()) {
            appendLog("Stopping after the current minibatch…");
            job.cancel();
        }
    }

    /** Cancels a running job; the caller waits for the executor so the run is marked cancelled on disk. */
    public void cancelForShutdown() {
        if (job != null) {
            job.cancel();
        }
    }

    /** Moves everything buffered since the last call into the observable state. Called a few times a second. */
    public void drain() {
        devices.refresh();
        if (buffer == null) {
            return;
        }
        List<EpochMetrics> newEpochs = new ArrayList<>();
        List<LossPoint> newLoss = new ArrayList<>();
        IterationProgress lastIteration = null;
        for (TrainingEvent event : buffer.drain()) {
            if (event instanceof TrainingEvent.Iteration i) {
                lastIteration = i.progress();
                ema = Double.isNaN(ema) ? i.progress().loss() : EMA_ALPHA * i.progress().loss()
                        + (1 - EMA_ALPHA) * ema;
                newLoss.add(new LossPoint(i.progress().globalIteration(), ema));
            } else if (event instanceof TrainingEvent.Epoch e) {
                newEpochs.add(e.metrics());
                if (e.improved()) {
                    bestEpoch.set(e.metrics().epoch());
                }
                appendLog(String.format(Locale.ROOT, "Epoch %d: loss %.4f / %.4f, accuracy %.3f / %.3f "
                                + "(train / validation)%s", e.metrics().epoch(), e.metrics().trainLoss(),
                        e.metrics().validationLoss(), e.metrics().trainAccuracy(),
                        e.metrics().validationAccuracy(), e.improved() ? " — best so far" : ""));
            } else if (event instanceof TrainingEvent.Progress p && lastIteration == null
                    && !isTraining(stage.get())) {
                showStageProgress(p);
            } else {
                applyOther(event);
            }
        }
        iterationLoss.addAll(newLoss);
        epochs.addAll(newEpochs);
        if (lastIteration != null) {
            showIteration(lastIteration);
        }
    }

    private void applyOther(TrainingEvent event) {
        if (event instanceof TrainingEvent.Stage s) {
            stage.set(s.name());
            if (!isTraining(s.name())) {
                progress.set(INDETERMINATE);
                progressText.set(Character.toUpperCase(s.name().charAt(0)) + s.name().substring(1) + "…");
            }
            appendLog("Stage: " + s.name());
        } else if (event instanceof TrainingEvent.Message m) {
            appendLog(m.text());
        } else if (event instanceof TrainingEvent.RunCreated r) {
            currentRun.set(r.run());
            appendLog("Run folder: " + r.run().path());
        } else if (event instanceof TrainingEvent.Tested t) {
            appendLog(String.format(Locale.ROOT, "Test accuracy %.3f, balanced accuracy %.3f", t.accuracy(),
                    t.balancedAccuracy()));
        }
    }

    /** "training", or a stage's training in a two-run experiment ("VGG11 warm-up (1/2): training"). */
    private static boolean isTraining(String stageName) {
        return stageName.equals("training") || stageName.endsWith(": training");
    }

    /** Steps before and after the epochs (scanning, caching features, testing) fill the bar on their own. */
    private void showStageProgress(TrainingEvent.Progress p) {
        String name = stage.get().isEmpty() ? "Working" : Character.toUpperCase(stage.get().charAt(0))
                + stage.get().substring(1);
        if (p.total() > 0) {
            progress.set(Math.min(1.0, (double) p.done() / p.total()));
            progressText.set(String.format(Locale.ROOT, "%s · %d/%d%s", name, p.done(), p.total(),
                    p.message() == null ? "" : " · " + p.message()));
        } else {
            progress.set(INDETERMINATE);
            progressText.set(name + (p.message() == null ? "" : " · " + p.message()));
        }
    }

    private void showIteration(IterationProgress p) {
        progress.set(p.fractionDone());
        String eta = p.secondsRemaining() < 0 ? "–" : Formats.duration(Duration.ofSeconds((long) p.secondsRemaining()));
        progressText.set(String.format(Locale.ROOT, "Epoch %d/%d · batch %d/%d · %.1f images/s · ETA %s",
                p.epoch(), p.totalEpochs(), p.iteration(), p.iterationsPerEpoch(), p.imagesPerSecond(), eta));
    }

    private void finished(ExperimentResult result) {
        drain();
        String summary = result.state() == RunState.SUCCEEDED && result.test() != null
                ? String.format(Locale.ROOT, "Run %s finished: test accuracy %.1f %%", result.run().id(),
                100 * result.test().report().accuracy())
                : "Run " + result.run().id() + " " + result.state().name().toLowerCase(Locale.ROOT) + ".";
        if (result.state() == RunState.SUCCEEDED) {
            progress.set(1);
        }
        ended(new RunEnd(result.run().id(), result.state(), summary, null));
    }

    private void failed(Throwable error) {
        drain();
        String id = error instanceof RunFailedException r ? r.run().id() : null;
        ended(new RunEnd(id, RunState.FAILED, "The run failed: " + Errors.sentence(error), error));
    }

    private void ended(RunEnd end) {
        appendLog(end.summary());
        progressText.set(end.summary());
        if (progress.get() < 0) {
            progress.set(0);
        }
        running.set(false);
        devices.trainingEnded();
        buffer = null;
        lastEnd.set(end);
    }

    private void appendLog(String line) {
        log.add(line);
        if (log.size() > MAX_LOG_LINES) {
            log.remove(0, log.size() - MAX_LOG_LINES);
        }
    }

    public BooleanProperty inputsValidProperty() {
        return inputsValid;
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stageProperty() {
        return stage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deviceProperty() {
        return devices.lineProperty();
    }

    public DeviceViewModel devices() {
        return devices;
    }

    public ReadOnlyIntegerProperty bestEpochProperty() {
        return bestEpoch.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunDirectory> currentRunProperty() {
        return currentRun.getReadOnlyProperty();
    }

    /** Set when a run ends (or cannot start); views show a notification or a failure dialog. */
    public ReadOnlyObjectProperty<RunEnd> lastEndProperty() {
        return lastEnd.getReadOnlyProperty();
    }

    public ObservableList<String> log() {
        return log;
    }

    public ObservableList<EpochMetrics> epochs() {
        return epochs;
    }

    public ObservableList<LossPoint> iterationLoss() {
        return iterationLoss;
    }

    /** For tests: feed events as the engine would, without a run. */
    TrainingEventBuffer attachBuffer() {
        buffer = new TrainingEventBuffer();
        return buffer;
    }
}
