package org.transferworkbench.ui.fx;

import java.time.Duration;
import java.util.Locale;

/** Number and duration texts shared by the views. */
public final class Formats {

    private Formats() {
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    public static String decimal(Double value) {
        return value == null || value.isNaN() ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }

    public static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60)
                : String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
}
