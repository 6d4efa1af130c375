package org.transferworkbench.ui.fx;

import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;

/**
 * A long job in two steps: {@link #call} computes on a worker, and one of the {@code on*} methods publishes the
 * result on the UI thread.
 */
public interface BackgroundJob<T> {

    String title();

    T call(ProgressReporter progress, CancellationToken cancel) throws Exception;

    default void onSucceeded(T result) {
    }

    default void onFailed(Throwable error) {
    }

    default void onCancelled() {
    }

    static <T> Builder<T> titled(String title, Work<T> work) {
        return new Builder<>(title, work);
    }

    /** The worker step as a lambda. */
    @FunctionalInterface
    interface Work<T> {
        T call(ProgressReporter progress, CancellationToken cancel) throws Exception;
    }

    /** Builds a job from lambdas, for the many small jobs that need no class of their own. */
    final class Builder<T> {
        private final String title;
        private final Work<T> work;
        private java.util.function.Consumer<T> succeeded = r -> { };
        private java.util.function.Consumer<Throwable> failed = e -> { };
        private Runnable cancelled = () -> { };

        Builder(String title, Work<T> work) {
            this.title = title;
            this.work = work;
        }

        public Builder<T> onSucceeded(java.util.function.Consumer<T> action) {
            this.succeeded = action;
            return this;
        }

        public Builder<T> onFailed(java.util.function.Consumer<Throwable> action) {
            this.failed = action;
            return this;
        }

        public Builder<T> onCancelled(Runnable action) {
            this.cancelled = action;
            return this;
        }

        public BackgroundJob<T> build() {
            return new BackgroundJob<>() {
                @Override
                public String title() {
                    return title;
                }

                @Override
                public T call(ProgressReporter progress, CancellationToken cancel) throws Exception {
                    return work.call(progress, cancel);
                }

                @Override
                public void onSucceeded(T result) {
                    succeeded.accept(result);
                }

                @Override
                public void onFailed(Throwable error) {
                    failed.accept(error);
                }

                @Override
                public void onCancelled() {
                    cancelled.run();
                }
            };
        }
    }
}
