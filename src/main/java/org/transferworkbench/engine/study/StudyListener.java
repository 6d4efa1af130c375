package org.transferworkbench.engine.study;

import org.transferworkbench.engine.experiment.ExperimentListener;

/**
 * Events of a study on the worker thread: its repeats start and end, and in between every event of the repeat's
 * run (epochs, stages, messages) as for a single run.
 */
public interface StudyListener extends ExperimentListener {

    /** A repeat is about to start, or to continue when {@code repeat.message()} says so. */
    default void onRepeatStarted(StudyRepeat repeat, int total) {
    }

    /** A repeat ended (succeeded, failed or cancelled); the queue on disk already says so. */
    default void onRepeatFinished(StudyRepeat repeat, int total) {
    }
}
