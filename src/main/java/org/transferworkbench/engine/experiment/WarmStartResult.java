package org.transferworkbench.engine.experiment;

import org.transferworkbench.engine.runs.RunState;

/**
 * How a warm-start experiment ended.
 *
 * @param warmup  the VGG11 run
 * @param target  the deeper network's run, or null when it was not started because the warm-up did not succeed
 * @param summary one sentence on the outcome, naming both runs
 */
public record WarmStartResult(ExperimentResult warmup, ExperimentResult target, String summary) {

    /** The run that ended the experiment: the target's, or the warm-up's when the target never started. */
    public ExperimentResult last() {
        return target != null ? target : warmup;
    }

    /** The state of the experiment as a whole: the target's, or the warm-up's when the target never started. */
    public RunState state() {
        return last().state();
    }
}
