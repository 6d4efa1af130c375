package org.transferworkbench.ui.fx;

import javafx.application.Platform;

/** The one place that hands work to the FX application thread. */
public final class FxDispatcher {

    private FxDispatcher() {
    }

    /** Runs {@code action} on the FX thread: now when already there, else as soon as the thread is free. */
    public static void run(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    public static void assertFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("Must be called on the JavaFX application thread, not "
                    + Thread.currentThread().getName());
        }
    }
}
