package org.transferworkbench.engine.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * A seam for fault-injection tests: makes chosen writes fail the way a full disk does. Nothing in the program sets
 * it; {@link AtomicFiles}, through which model saves also go, asks it before writing, which costs one volatile read. A test cannot fill
 * a real disk portably (root ignores permissions, mounting a small tmpfs needs privileges), hence this.
 */
public final class WriteFaults {
    private static final Predicate<Path> NONE = p -> false;
    private static volatile Predicate<Path> failing = NONE;

    private WriteFaults() {
    }

    /** @throws IOException "No space left on device", as the OS reports it, when a test has armed {@code target} */
    public static void check(Path target) throws IOException {
        if (failing.test(target)) {
            throw new IOException("No space left on device");
        }
    }

    /** For tests: writes whose target matches {@code when} fail until the returned handle is closed. */
    public static AutoCloseable inject(Predicate<Path> when) {
        failing = when;
        return () -> failing = NONE;
    }
}
