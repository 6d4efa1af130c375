package org.transferworkbench.engine.jobs;

/** Receives the progress of a long job. Implementations must be cheap and thread-safe: workers call them. */
@FunctionalInterface
public interface ProgressReporter {
    /**
     * @param done    work units finished so far
     * @param total   total work units, or -1 when unknown
     * @param message short human-readable status, may be null
     */
    void report(long done, long total, String message);

    static ProgressReporter silent() {
        return (done, total, message) -> { };
    }
}
