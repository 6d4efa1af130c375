package org.transferworkbench.cli;

import org.transferworkbench.engine.jobs.CancellationToken;

/**
 * Ctrl-C during a run cancels it instead of killing it mid-save: the hook flips the token and gives the worker a
 * moment to mark the run cancelled.
 */
final class ShutdownCancel {
    private static final long GRACE_MILLIS = 15_000;

    private ShutdownCancel() {
    }

    static void install(CancellationToken token) {
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            token.cancel();
            try {
                main.join(GRACE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cancel-on-exit"));
    }
}
