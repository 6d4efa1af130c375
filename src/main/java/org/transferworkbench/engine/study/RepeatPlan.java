package org.transferworkbench.engine.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.transferworkbench.engine.experiment.WarmStartExperiment;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunState;
import org.transferworkbench.engine.runs.RunStatus;
import org.transferworkbench.engine.runs.RunStore;

/**
 * What to do with a repeat that is not yet done, decided from its run on disk.
 * <ul>
 * <li>KEEP: its run finished, but the study stopped before noting it (a crash between the two writes).</li>
 * <li>RESUME: its run was interrupted or cancelled after at least one completed epoch but before the last: the
 * run's checkpoint holds model, optimiser state and metrics, and the split is in its folder, so continuing it
 * loses nothing and saves the epochs already trained.</li>
 * <li>START a new run: nothing usable is left, i.e. no run yet, the run folder is gone, the run failed (its
 * state may be what made it fail), it stopped before its first epoch ended (a fresh start would otherwise
 * lose the arm's starting weights), or it trained every epoch but died in its test evaluation.</li>
 * </ul>
 */
record RepeatPlan(Action action, RunDirectory run, String reason) {

    enum Action { KEEP, RESUME, START }

    /**
     * @param warmStart the repeat trains a VGG11 first and then its own network from it: its last run is the
     *                  VGG11 while the first stage is unfinished, and then nothing but a fresh start gives both
     */
    static RepeatPlan decide(RunStore store, StudyRepeat repeat, boolean warmStart) throws IOException {
        if (repeat.runId() == null) {
            return start(repeat.state() == RepeatState.PENDING ? null
                    : "restarted: the previous attempt stopped before its run folder was made");
        }
        Path folder = store.root().resolve(repeat.runId());
        if (!Files.isRegularFile(folder.resolve(RunDirectory.STATUS))) {
            return start("restarted: its run " + repeat.runId() + " is no longer in the run store");
        }
        RunDirectory run = new RunDirectory(folder);
        if (warmStart && run.readConfig().name().endsWith(WarmStartExperiment.WARMUP_SUFFIX)) {
            return start("restarted: the previous attempt stopped in its VGG11 warm-up " + run.id());
        }
        RunState state = run.effectiveState();
        RunStatus status = run.readStatus();
        int epochs = run.readConfig().hyperparameters().epochs();
        return switch (state) {
            case SUCCEEDED -> new RepeatPlan(Action.KEEP, run, "kept: run " + run.id() + " had finished");
            case RUNNING -> throw new IllegalStateException("Run " + run.id() + " of this study is being trained by "
                    + "another program; stop it before resuming the study.");
            case FAILED -> start("restarted: the previous attempt " + run.id() + " failed (" + status.message() + ")");
            case INTERRUPTED, CANCELLED -> {
                int done = status.epochsCompleted();
                if (done >= 1 && done < epochs) {
                    yield new RepeatPlan(Action.RESUME, run, "resumed run " + run.id() + " after epoch " + done
                            + " from its checkpoint");
                }
                yield start("restarted: the previous attempt " + run.id() + (done == 0
                        ? " stopped before its first epoch ended" : " stopped during its test evaluation"));
            }
        };
    }

    private static RepeatPlan start(String reason) {
        return new RepeatPlan(Action.START, null, reason);
    }
}
