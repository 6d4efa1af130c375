package org.transferworkbench.engine.model.weights;

import java.util.Locale;
import org.transferworkbench.engine.jobs.ProgressReporter;

/** Turns byte counts into progress reports with rate and ETA, at most a few per second. */
final class DownloadProgress {
    private static final long REPORT_EVERY_NANOS = 250_000_000L;

    private final ProgressReporter reporter;
    private final String fileName;
    private final long startNanos = System.nanoTime();
    private final long resumedFrom;
    private long lastReport;

    DownloadProgress(ProgressReporter reporter, String fileName, long resumedFrom) {
        this.reporter = reporter;
        this.fileName = fileName;
        this.resumedFrom = resumedFrom;
    }

    void update(long done, long total, boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastReport < REPORT_EVERY_NANOS) {
            return;
        }
        lastReport = now;
        double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
        // The rate counts only this session's bytes, so a resumed download does not look impossibly fast.
        double rate = (done - resumedFrom) / seconds;
        StringBuilder msg = new StringBuilder(fileName).append(": ").append(megabytes(done));
        if (total > 0) {
            msg.append(" of ").append(megabytes(total));
        }
        msg.append(String.format(Locale.ROOT, ", %.1f MB/s", rate / 1e6));
        if (total > 0 && rate > 0) {
            long eta = Math.round((total - done) / rate);
            msg.append(String.format(Locale.ROOT, ", ETA %d:%02d", eta / 60, eta % 60));
        }
        reporter.report(done, total, msg.toString());
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
