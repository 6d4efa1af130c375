package org.transferworkbench.ui.fx;

import java.time.Duration;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Runs each job to its end inside {@link #submit}: deterministic view-model tests without an FX thread. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    private final ObservableList<JobHandle> active = FXCollections.observableArrayList();

    @Override
    public <T> JobHandle submit(BackgroundJob<T> job) {
        JobHandle handle = new JobHandle(job.title());
        new JobRunner<>(job, handle, this).run();
        return handle;
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }

    @Override
    public ObservableList<JobHandle> activeJobs() {
        return active;
    }

    @Override
    public void shutdown(Duration wait) {
        // nothing runs in the background
    }
}
