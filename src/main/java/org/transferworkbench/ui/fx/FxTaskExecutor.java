package org.transferworkbench.ui.fx;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs jobs on daemon worker threads and publishes through {@link FxDispatcher}. */
public final class FxTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ObservableList<JobHandle> active = FXCollections.observableArrayList();
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tw-job-" + threadCount.incrementAndGet());
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

    @Override
    public <T> JobHandle submit(BackgroundJob<T> job) {
        JobHandle handle = new JobHandle(job.title());
        runOnUi(() -> active.add(handle));
        handle.stateProperty().addListener((obs, old, now) -> {
            if (now.isFinal()) {
                active.remove(handle);
            }
        });
        workers.submit(new JobRunner<>(job, handle, this));
        return handle;
    }

    @Override
    public void runOnUi(Runnable action) {
        FxDispatcher.run(action);
    }

    @Override
    public ObservableList<JobHandle> activeJobs() {
        return active;
    }

    @Override
    public void shutdown(Duration wait) {
        List.copyOf(active).forEach(JobHandle::cancel);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Jobs still running {} after cancelling them; leaving them to the daemon threads", wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
