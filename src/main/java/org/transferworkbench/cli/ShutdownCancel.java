package org.transferworkbench.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.transferworkbench.engine.jobs.CancellationToken;

/**
 * Ctrl-C during a run cancels it instead of killing it mid-save: the hook flips the token and gives the command up
 * to {@link #GRACE_MILLIS} to mark the run cancelled. A command that has returned has nothing left to save, so
 * {@link #commandEnded()} releases its hook: the normal exit (System.exit after the command) must not wait.
 */
final class ShutdownCancel {
    /** How long Ctrl-C waits for the command to mark its run cancelled (a system property, for tests). */
    static final long GRACE_MILLIS = Long.getLong("tw.exitGraceMillis", 15_000);
    private static final List<Hook> INSTALLED = new CopyOnWriteArrayList<>();

    private ShutdownCancel() {
    }

    static void install(CancellationToken token) {
        Hook hook = new Hook(token);
        INSTALLED.add(hook);
        Runtime.getRuntime().addShutdownHook(hook.thread);
    }

    /** The command has returned (normally or not): exiting from now on waits for nothing. */
    static void commandEnded() {
        for (Hook hook : INSTALLED) {
            hook.ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook.thread);
            } catch (IllegalStateException exiting) {
                // The JVM is shutting down already; the count-down above lets the running hook return at once.
            }
        }
        INSTALLED.clear();
    }

    static int installed() {
        return INSTALLED.size();
    }

    private static final class Hook {
        final CountDownLatch ended = new CountDownLatch(1);
        final Thread thread;

        Hook(CancellationToken token) {
            thread = new Thread(() -> {
                token.cancel();
                try {
                    ended.await(GRACE_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "cancel-on-exit");
        }
    }
}
