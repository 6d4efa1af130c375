package org.transferworkbench.ui.study;

import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import org.transferworkbench.engine.study.RepeatState;
import org.transferworkbench.engine.study.StudyListener;
import org.transferworkbench.engine.study.StudyOutcome;
import org.transferworkbench.engine.study.StudyRepeat;
import org.transferworkbench.engine.study.StudyRunner;
import org.transferworkbench.engine.study.StudySpec;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.ui.fx.BackgroundJob;

/**
 * A study's queue worked through in the background. Progress counts repeats and the epochs within the current one;
 * each finished repeat is announced (on the worker thread) so the view-model can re-read the results.
 */
final class StudyJob implements BackgroundJob<StudyOutcome> {
    private final StudyRow row;
    private final StudyRunner runner;
    private final Consumer<String> repeatFinished;
    private final BiConsumer<StudyOutcome, Throwable> ended;

    StudyJob(StudyRow row, StudyRunner runner, Consumer<String> repeatFinished,
             BiConsumer<StudyOutcome, Throwable> ended) {
        this.row = row;
        this.runner = runner;
        this.repeatFinished = repeatFinished;
        this.ended = ended;
    }

    @Override
    public String title() {
        return "Study " + row.name();
    }

    @Override
    public StudyOutcome call(ProgressReporter progress, CancellationToken cancel) throws Exception {
        return runner.run(row.folder(), new Progress(progress, row.folder().readSpec()), cancel);
    }

    @Override
    public void onSucceeded(StudyOutcome outcome) {
        ended.accept(outcome, null);
    }

    @Override
    public void onFailed(Throwable error) {
        ended.accept(null, error);
    }

    @Override
    public void onCancelled() {
        ended.accept(null, null);
    }

    /** Turns study and epoch events into one progress bar: (finished repeats + epoch fraction) / repeats. */
    private final class Progress implements StudyListener {
        private final ProgressReporter progress;
        private final StudySpec spec;
        private volatile StudyRepeat current;
        private volatile int epochs = 1;
        private volatile int total = 1;
        private volatile int position;

        Progress(ProgressReporter progress, StudySpec spec) {
            this.progress = progress;
            this.spec = spec;
        }

        @Override
        public void onRepeatStarted(StudyRepeat repeat, int totalRepeats) {
            current = repeat;
            total = totalRepeats;
            epochs = Integer.parseInt(spec.settingsFor(spec.arm(repeat.arm()), repeat.seed()).get("epochs"));
            position = repeat.index();
            progress.report(position * 100L, total * 100L, "Repeat " + (position + 1) + " of " + total + ": "
                    + repeat.describe());
        }

        @Override
        public void onEpochCompleted(EpochMetrics metrics, ComputationGraph model, boolean improved) {
            StudyRepeat r = current;
            if (r != null) {
                progress.report(position * 100L + Math.min(99, metrics.epoch() * 100L / Math.max(1, epochs)), total * 100L, String.format(Locale.ROOT,
                        "Repeat %d of %d (%s): epoch %d, validation accuracy %.3f", position + 1, total,
                        r.describe(), metrics.epoch(), metrics.validationAccuracy()));
            }
        }

        @Override
        public void onRepeatFinished(StudyRepeat repeat, int totalRepeats) {
            progress.report((repeat.index() + 1) * 100L, totalRepeats * 100L, null);
            String state = repeat.state() == RepeatState.SUCCEEDED ? "finished"
                    : repeat.state().name().toLowerCase(Locale.ROOT);
            repeatFinished.accept("Repeat " + (repeat.index() + 1) + " of " + totalRepeats + " (" + repeat.describe()
                    + ") " + state + (repeat.message() == null || repeat.state() == RepeatState.SUCCEEDED ? ""
                    : ": " + repeat.message()) + ".");
        }
    }
}
