package org.transferworkbench.ui.fx;

import java.time.Duration;
import javafx.collections.ObservableList;

/** Runs every long job of the window and publishes results on the UI thread; tests swap in a synchronous one. */
public interface TaskExecutor {

    <T> JobHandle submit(BackgroundJob<T> job);

    /** Runs a small action on the UI thread (the FX thread, or the caller in tests). */
    void runOnUi(Runnable action);

    /** Jobs that have not finished yet, for the status bar. Changed on the UI thread. */
    ObservableList<JobHandle> activeJobs();

    /** Cancels every job and waits up to {@code wait} for them to end. */
    void shutdown(Duration wait);
}
