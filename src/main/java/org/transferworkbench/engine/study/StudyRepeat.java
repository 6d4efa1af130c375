package org.transferworkbench.engine.study;

/**
 * One run of a study: an arm trained with one seed on one fold, and what became of it.
 *
 * @param fold     0 to k-1 under k-fold cross-validation; -1 for the ordinary split of the seed
 * @param runId    the run folder's name once the run exists, else null
 * @param attempts how many times a run was started for this repeat (a restart after a crash counts)
 * @param message  why it failed or how it was continued, for the user; may be null
 */
public record StudyRepeat(int index, String arm, long seed, int fold, RepeatState state, String runId, int attempts,
                          String message) {

    public static StudyRepeat pending(int index, String arm, long seed, int fold) {
        return new StudyRepeat(index, arm, seed, fold, RepeatState.PENDING, null, 0, null);
    }

    /** The seed and fold: what pairs repeats of different arms. */
    public String pairKey() {
        return fold < 0 ? "seed " + seed : "seed " + seed + " fold " + (fold + 1);
    }

    public boolean hasFold() {
        return fold >= 0;
    }

    public StudyRepeat started(String newRunId, String why) {
        return new StudyRepeat(index, arm, seed, fold, RepeatState.RUNNING, newRunId, attempts + 1, why);
    }

    public StudyRepeat continuing(String why) {
        return new StudyRepeat(index, arm, seed, fold, RepeatState.RUNNING, runId, attempts, why);
    }

    public StudyRepeat ended(RepeatState end, String why) {
        return new StudyRepeat(index, arm, seed, fold, end, runId, attempts, why);
    }

    public String describe() {
        return arm + ", " + pairKey();
    }
}
