package org.transferworkbench.engine.jobs;

import java.util.concurrent.CancellationException;

/**
 * Cooperative cancellation: long jobs poll it at safe points (between images, between minibatches)
 * so that a cancel never leaves half-written state behind.
 */
public final class CancellationToken {
    private volatile boolean cancelled;

    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws {@link CancellationException} when cancelled; call at a point where stopping is safe. */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("cancelled");
        }
    }
}
