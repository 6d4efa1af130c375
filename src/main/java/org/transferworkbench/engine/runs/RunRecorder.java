package org.transferworkbench.engine.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.io.AtomicFiles;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.engine.training.TrainingListener;

/**
 * Writes a run's progress to its folder as training goes: the epoch's checkpoint, metrics.csv and run.json after
 * every epoch, the best model (with optimiser state) whenever validation improves, and the messages to log.txt.
 *
 * <p>An epoch is saved in the background while the next one trains: the model's arrays are copied (a memory
 * copy) and written by {@link BackgroundSaves}, one save at a time; the next epoch's end waits for the previous
 * save. On cached features an epoch takes a tenth of a second and a VGG checkpoint, fsync included, twice that,
 * so saving in line made the disk, not the head, set the pace. Models whose copy would exceed
 * {@link #MAX_COPY_BYTES} (the paper head's 134 M parameters and their optimiser state) are saved in line from
 * the model itself; their epochs are long enough for the save not to matter. The files on disk always describe
 * one saved epoch: the checkpoint first, then the best model, metrics.csv and run.json, so a crash or a full disk
 * leaves the previous epoch complete. {@link #awaitSaved()} is the point after which an epoch is on disk.
 */
public final class RunRecorder implements TrainingListener, AutoCloseable {
    /** Above this, parameters and optimiser state are written from the model in line instead of copied. */
    static final long MAX_COPY_BYTES = 512L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);

    private final RunDirectory run;
    private final long maxCopyBytes;
    private final BackgroundSaves saves = new BackgroundSaves();
    private final SnapshotCopies copies = new SnapshotCopies();
    /** What training has reached: the saved epochs and the one being saved. */
    private final List<EpochMetrics> rows;
    private RunStatus status;
    /** What is on disk. */
    private volatile List<EpochMetrics> savedRows;
    private volatile RunStatus savedStatus;

    public RunRecorder(RunDirectory run, RunStatus status, List<EpochMetrics> previousRows) {
        this(run, status, previousRows, MAX_COPY_BYTES);
    }

    RunRecorder(RunDirectory run, RunStatus status, List<EpochMetrics> previousRows, long maxCopyBytes) {
        this.run = run;
        this.maxCopyBytes = maxCopyBytes;
        this.status = status;
        this.savedStatus = status;
        this.rows = new ArrayList<>(previousRows);
        this.savedRows = List.copyOf(previousRows);
    }

    /** Takes the epoch's model and hands it to the background save; first collects the previous epoch's save. */
    @Override
    public synchronized void onEpochCompleted(EpochMetrics metrics, ComputationGraph model, boolean improved) {
        awaitSaved();
        ModelSnapshot live = ModelSnapshot.live(model, true);
        boolean copied = live.bytes() <= maxCopyBytes;
        ModelSnapshot snapshot = copied ? copies.take(model, live.configurationJson()) : live;
        rows.add(metrics);
        int best = improved ? metrics.epoch() : status.bestEpoch();
        double bestAcc = improved ? metrics.validationAccuracy() : status.bestValidationAccuracy();
        double bestLoss = improved ? metrics.validationLoss() : status.bestValidationLoss();
        status = status.withEpoch(metrics.epoch(), best, bestAcc, bestLoss, Instant.now());
        EpochSave save = new EpochSave(metrics.epoch(), improved, snapshot, List.copyOf(rows), status);
        saves.start(() -> write(save));
        if (!copied) {
            awaitSaved(); // the live arrays change as soon as training goes on
        }
    }

    /** Runs on the saving thread. */
    private void write(EpochSave save) {
        try {
            // Models first: run.json must never name an epoch whose model is not on disk yet. A crash between
            // these steps leaves run.json at the previous epoch, whose checkpoint is still there.
            Path checkpoint = run.checkpoint(save.epoch());
            ModelFiles.save(save.model(), checkpoint);
            if (save.improved()) {
                // Checkpoints are never rewritten in place, so the best model can share the file's content.
                AtomicFiles.link(checkpoint, run.file(RunDirectory.BEST_MODEL));
            }
            run.writeMetrics(save.rows());
            run.writeStatus(save.status());
            run.keepOnlyCheckpoint(save.epoch());
            savedRows = save.rows();
            savedStatus = save.status();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save epoch " + save.epoch() + " to " + run.path() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Waits until every completed epoch is on disk.
     *
     * @throws UncheckedIOException naming the epoch, when its save failed (the disk keeps the epoch before it)
     */
    public synchronized void awaitSaved() {
        try {
            saves.await();
        } catch (RuntimeException e) {
            rows.clear();
            rows.addAll(savedRows);
            status = savedStatus;
            throw e;
        }
    }

    @Override
    public void onMessage(String message) {
        log(message);
    }

    public void log(String message) {
        try {
            Files.writeString(run.file(RunDirectory.LOG), Instant.now() + " " + message + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The log is a convenience; losing a line must not stop training.
        }
    }

    /**
     * The status on disk, once the save in progress (if any) has ended. A save's failure is left to
     * {@link #awaitSaved}, which the end of training calls.
     */
    public synchronized RunStatus status() {
        awaitQuietly();
        return savedStatus;
    }

    public synchronized void update(RunStatus newStatus) throws IOException {
        awaitQuietly();
        run.writeStatus(newStatus);
        status = newStatus;
        savedStatus = newStatus;
    }

    private void awaitQuietly() {
        try {
            awaitSaved();
        } catch (RuntimeException e) {
            // Reached only when a failure ends the run already: the disk keeps the last epoch saved, and says so.
            LOG.warn("Saving an epoch of run {} failed", run.id(), e);
            log("Saving an epoch failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        awaitQuietly();
        saves.close();
    }

    /** One epoch's files, as they will be written. */
    private record EpochSave(int epoch, boolean improved, ModelSnapshot model, List<EpochMetrics> rows,
                             RunStatus status) {
    }
}
