package org.transferworkbench.ui.fx;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.jobs.JobState;
import org.transferworkbench.engine.jobs.ProgressReporter;

/** The worker side of one job: runs it, coalesces its progress, and publishes the outcome through the executor. */
final class JobRunner<T> implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final BackgroundJob<T> job;
    private final JobHandle handle;
    private final TaskExecutor executor;
    private final AtomicReference<double[]> pendingFraction = new AtomicReference<>();
    private final AtomicReference<String> pendingMessage = new AtomicReference<>();
    private final AtomicBoolean publishScheduled = new AtomicBoolean();

    JobRunner(BackgroundJob<T> job, JobHandle handle, TaskExecutor executor) {
        this.job = job;
        this.handle = handle;
        this.executor = executor;
    }

    @Override
    public void run() {
        executor.runOnUi(() -> handle.setState(JobState.RUNNING));
        try {
            T result = job.call(progressReporter(), handle.token());
            executor.runOnUi(() -> finish(JobState.SUCCEEDED, () -> job.onSucceeded(result)));
        } catch (CancellationException e) {
            executor.runOnUi(() -> finish(JobState.CANCELLED, job::onCancelled));
        } catch (Exception | Error e) {
            if (handle.token().isCancelled()) {
                executor.runOnUi(() -> finish(JobState.CANCELLED, job::onCancelled));
            } else {
                LOG.warn("Job '{}' failed", job.title(), e);
                executor.runOnUi(() -> finish(JobState.FAILED, () -> job.onFailed(e)));
            }
        }
    }

    private void finish(JobState state, Runnable publish) {
        try {
            publish.run();
        } finally {
            handle.setState(state);
        }
    }

    /** Many reports per second collapse into at most one pending UI update. */
    private ProgressReporter progressReporter() {
        return (done, total, message) -> {
            pendingFraction.set(new double[] {total > 0 ? (double) done / total : -1});
            if (message != null) {
                pendingMessage.set(message);
            }
            if (publishScheduled.compareAndSet(false, true)) {
                executor.runOnUi(() -> {
                    publishScheduled.set(false);
                    double[] f = pendingFraction.get();
                    handle.update(f == null ? -1 : f[0], pendingMessage.get());
                });
            }
        };
    }
}
