package org.transferworkbench.ui.fx;

import javafx.animation.AnimationTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures how long the FX thread goes without a pulse (switched on by {@code -Dtw.fxStallProbe=true}). Every 10 s
 * it logs the longest gap of that window and of the whole session.
 */
public final class StallProbe extends AnimationTimer {
    private static final Logger LOG = LoggerFactory.getLogger(StallProbe.class);
    private static final long REPORT_NANOS = 10_000_000_000L;
    private long last;
    private long windowStart;
    private long windowMax;
    private long sessionMax;

    public static void startIfRequested() {
        if (Boolean.getBoolean("tw.fxStallProbe")) {
            new StallProbe().start();
            LOG.info("FX stall probe on: logging the longest gap between pulses every 10 s");
        }
    }

    @Override
    public void handle(long now) {
        if (last != 0) {
            long gap = now - last;
            windowMax = Math.max(windowMax, gap);
            sessionMax = Math.max(sessionMax, gap);
        } else {
            windowStart = now;
        }
        last = now;
        if (now - windowStart >= REPORT_NANOS) {
            LOG.info("FX stall probe: longest gap between pulses {} ms in the last 10 s, {} ms since start",
                    windowMax / 1_000_000, sessionMax / 1_000_000);
            windowStart = now;
            windowMax = 0;
        }
    }
}
