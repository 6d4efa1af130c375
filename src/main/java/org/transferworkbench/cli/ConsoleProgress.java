package org.transferworkbench.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.transferworkbench.engine.data.DatasetScan;
import org.transferworkbench.engine.data.Split;
import org.transferworkbench.engine.data.SplitManifest;
import org.transferworkbench.engine.eval.EvaluationResult;
import org.transferworkbench.engine.experiment.ExperimentListener;
import org.transferworkbench.engine.experiment.ExperimentResult;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.engine.training.IterationProgress;

/** Prints a run to the terminal: one line per epoch on stdout, a live progress line on stderr. */
final class ConsoleProgress implements ExperimentListener {
    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    private final PrintStream out;
    private final PrintStream err;
    private final int totalEpochs;
    private final boolean interactive = System.console() != null;
    private long lastProgress;

    ConsoleProgress(PrintStream out, PrintStream err, int totalEpochs) {
        this.out = out;
        this.err = err;
        this.totalEpochs = totalEpochs;
    }

    @Override
    public void onStage(String stage) {
        clearProgress();
        err.println("[" + stage + "]");
    }

    @Override
    public void onDataReady(DatasetScan scan, SplitManifest split) {
        out.printf(Locale.ROOT, "Dataset %s: %d images in %d classes, %d files skipped%n", scan.root(),
                scan.images().size(), scan.classNames().size(), scan.skipped().size());
        scan.countsByClass().forEach((c, n) -> out.printf(Locale.ROOT, "  %-20s %6d  (train %d, validation %d, "
                + "test %d)%n", c, n, count(split, c, Split.TRAIN), count(split, c, Split.VALIDATION),
                count(split, c, Split.TEST)));
        scan.skipped().stream().limit(20).forEach(s -> out.println("  skipped " + s.relativePath() + ": "
                + s.reason()));
        if (scan.skipped().size() > 20) {
            out.println("  ... and " + (scan.skipped().size() - 20) + " more (see skipped.csv in the run folder)");
        }
    }

    private static int count(SplitManifest split, String c, Split s) {
        return split.countsByClass().getOrDefault(c, java.util.Map.of()).getOrDefault(s, 0);
    }

    @Override
    public void onRunCreated(RunDirectory run) {
        out.println("Run folder: " + run.path());
    }

    @Override
    public void onMessage(String message) {
        clearProgress();
        out.println(message);
    }

    /** Progress of steps other than training (e.g. a weights download): the same live line. */
    @Override
    public void onProgress(long done, long total, String message) {
        long now = System.nanoTime();
        if (!interactive || message == null || now - lastProgress < PROGRESS_EVERY_NANOS) {
            return;
        }
        lastProgress = now;
        err.print("\r  " + message + "   ");
    }

    @Override
    public void onIteration(IterationProgress p) {
        long now = System.nanoTime();
        if (!interactive || now - lastProgress < PROGRESS_EVERY_NANOS) {
            return;
        }
        lastProgress = now;
        err.printf(Locale.ROOT, "\r  epoch %d/%d  batch %d/%d  loss %.4f  %.1f img/s  ETA %s   ", p.epoch(),
                p.totalEpochs(), p.iteration(), p.iterationsPerEpoch(), p.loss(), p.imagesPerSecond(),
                Durations.format(p.secondsRemaining()));
    }

    @Override
    public void onEpochCompleted(EpochMetrics m, ComputationGraph model, boolean improved) {
        clearProgress();
        out.printf(Locale.ROOT, "epoch %3d/%d  train loss %.4f acc %.4f | validation loss %.4f acc %.4f | "
                        + "%.1f s, %.1f img/s%s%n", m.epoch(), totalEpochs, m.trainLoss(), m.trainAccuracy(),
                m.validationLoss(), m.validationAccuracy(), m.seconds(), m.imagesPerSecond(),
                improved ? "  * best" : "");
    }

    @Override
    public void onTestEvaluated(EvaluationResult result) {
        out.println();
        out.print(result.report().toText());
    }

    void finished(ExperimentResult result) {
        clearProgress();
        out.println("Run " + result.run().id() + " " + result.state().name().toLowerCase(Locale.ROOT)
                + (result.outcome() != null && result.outcome().bestEpoch() > 0
                ? "; best epoch " + result.outcome().bestEpoch() : "") + ". Files: " + result.run().path());
    }

    private void clearProgress() {
        if (interactive && lastProgress != 0) {
            err.print("\r" + " ".repeat(90) + "\r");
            lastProgress = 0;
        }
    }
}
