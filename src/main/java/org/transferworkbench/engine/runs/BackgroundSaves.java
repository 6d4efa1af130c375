package org.transferworkbench.engine.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One save at a time on a thread of its own, so the next epoch trains while the last one is written. A save's
 * failure is thrown once, by the {@link #await} that collects it.
 */
final class BackgroundSaves implements AutoCloseable {
    /** A save: the whole of it runs on the saving thread. */
    @FunctionalInterface
    interface Save {
        void run() throws IOException;
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "run-saver");
        // A closed window must not wait for it; every path that ends a run awaits its saves first.
        t.setDaemon(true);
        return t;
    });
    private Future<?> inProgress;

    /** Starts {@code save}; the previous one must have been awaited. */
    synchronized void start(Save save) {
        if (inProgress != null) {
            throw new IllegalStateException("The previous save has not been awaited");
        }
        inProgress = thread.submit(() -> {
            save.run();
            return null;
        });
    }

    /**
     * Waits for the save in progress, if any, and throws what it threw (an I/O failure as UncheckedIOException).
     * Not interruptible: a save is not abandoned half way, or the next write to the run's files could overtake it.
     */
    synchronized void await() {
        Future<?> save = inProgress;
        inProgress = null;
        if (save == null) {
            return;
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    save.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        if (cause instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        return new IllegalStateException(cause);
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
