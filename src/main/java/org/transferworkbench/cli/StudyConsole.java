package org.transferworkbench.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.transferworkbench.engine.eval.EvaluationReport;
import org.transferworkbench.engine.eval.EvaluationResult;
import org.transferworkbench.engine.study.RepeatState;
import org.transferworkbench.engine.study.StudyListener;
import org.transferworkbench.engine.study.StudyRepeat;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.engine.training.IterationProgress;

/**
 * Prints a study to the terminal: one line per finished repeat on stdout; which repeat runs, its epochs and live
 * progress on stderr, so that stdout stays a clean record.
 */
final class StudyConsole implements StudyListener {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive = System.console() != null;
    private long started;
    private int bestEpoch;
    private double bestValidation;
    private EvaluationReport test;
    private String runId;

    StudyConsole(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void onRepeatStarted(StudyRepeat repeat, int total) {
        started = System.nanoTime();
        bestEpoch = -1;
        bestValidation = Double.NaN;
        test = null;
        runId = repeat.runId();
        err.printf(Locale.ROOT, "[%d/%d] %s%s%n", repeat.index() + 1, total, repeat.describe(),
                repeat.message() == null ? "" : ": " + repeat.message());
    }

    @Override
    public void onRunCreated(org.transferworkbench.engine.runs.RunDirectory run) {
        runId = run.id();
    }

    @Override
    public void onStage(String stage) {
        err.println("  [" + stage + "]");
    }

    @Override
    public void onMessage(String message) {
        err.println("  " + message);
    }

    @Override
    public void onIteration(IterationProgress p) {
        if (interactive) {
            err.printf(Locale.ROOT, "\r  epoch %d/%d  batch %d/%d  loss %.4f   ", p.epoch(), p.totalEpochs(),
                    p.iteration(), p.iterationsPerEpoch(), p.loss());
        }
    }

    @Override
    public void onEpochCompleted(EpochMetrics m, ComputationGraph model, boolean improved) {
        if (improved) {
            bestEpoch = m.epoch();
            bestValidation = m.validationAccuracy();
        }
        err.printf(Locale.ROOT, "%s  epoch %d  train acc %.3f  validation acc %.3f loss %.4f%s%n",
                interactive ? "\r" : "", m.epoch(), m.trainAccuracy(), m.validationAccuracy(), m.validationLoss(),
                improved ? "  *" : "");
    }

    @Override
    public void onTestEvaluated(EvaluationResult result) {
        test = result.report();
    }

    @Override
    public void onRepeatFinished(StudyRepeat repeat, int total) {
        String head = String.format(Locale.ROOT, "[%d/%d] %-28s ", repeat.index() + 1, total, repeat.describe());
        double seconds = (System.nanoTime() - started) / 1e9;
        String run = repeat.runId() != null ? repeat.runId() : runId;
        if (repeat.state() == RepeatState.SUCCEEDED && test != null) {
            out.printf(Locale.ROOT, "%stest accuracy %.3f  balanced %.3f  macro-F1 %.3f  best epoch %s  %s  run %s%n",
                    head, test.accuracy(), test.balancedAccuracy(), test.macroF1(),
                    bestEpoch > 0 ? bestEpoch + String.format(Locale.ROOT, " (val %.3f)", bestValidation) : "-",
                    Durations.format(seconds), run);
        } else {
            out.printf(Locale.ROOT, "%s%s%s%s%n", head, repeat.state().name().toLowerCase(Locale.ROOT),
                    repeat.message() == null ? "" : ": " + repeat.message(), run == null ? "" : "  run " + run);
        }
    }
}
