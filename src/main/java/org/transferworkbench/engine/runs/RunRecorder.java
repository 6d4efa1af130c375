package org.transferworkbench.engine.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.engine.training.TrainingListener;

/**
 * Writes a run's progress to its folder as training goes: metrics.csv and run.json after every epoch, the best
 * model (with optimiser state) whenever validation improves, and the messages to log.txt.
 */
public final class RunRecorder implements TrainingListener {
    private final RunDirectory run;
    private final List<EpochMetrics> rows;
    private RunStatus status;

    public RunRecorder(RunDirectory run, RunStatus status, List<EpochMetrics> previousRows) {
        this.run = run;
        this.status = status;
        this.rows = new ArrayList<>(previousRows);
    }

    @Override
    public void onEpochCompleted(EpochMetrics metrics, ComputationGraph model, boolean improved) {
        try {
            // Model first: run.json must never name a best epoch whose model is not on disk yet.
            if (improved) {
                ModelFiles.save(model, run.file(RunDirectory.BEST_MODEL), true);
            }
            rows.add(metrics);
            run.writeMetrics(rows);
            int best = improved ? metrics.epoch() : status.bestEpoch();
            double bestAcc = improved ? metrics.validationAccuracy() : status.bestValidationAccuracy();
            double bestLoss = improved ? metrics.validationLoss() : status.bestValidationLoss();
            status = status.withEpoch(metrics.epoch(), best, bestAcc, bestLoss, Instant.now());
            run.writeStatus(status);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save epoch " + metrics.epoch() + " to " + run.path() + ": "
                    + e.getMessage(), e);
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

    public RunStatus status() {
        return status;
    }

    public List<EpochMetrics> rows() {
        return List.copyOf(rows);
    }

    public void update(RunStatus newStatus) throws IOException {
        status = newStatus;
        run.writeStatus(status);
    }
}
