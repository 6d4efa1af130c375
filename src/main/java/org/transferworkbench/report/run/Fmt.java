package org.transferworkbench.report.run;

import java.util.Locale;
import org.transferworkbench.engine.stats.Interval;

/** Number formats shared by the run report's sections: fixed, locale-independent, as a paper prints them. */
public final class Fmt {
    public static final String NOT_RECORDED = "not recorded";

    private Fmt() {
    }

    public static String decimal(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "–";
    }

    public static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f %%", 100 * fraction) : "–";
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Learning rates and other small numbers: 1e-3 stays 0.001, 1e-5 becomes 1.0e-05. */
    public static String number(double v) {
        if (v == 0) {
            return "0";
        }
        return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6
                ? new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString()
                : String.format(Locale.ROOT, "%.1e", v);
    }

    public static String ci(Interval i) {
        return i.format(3);
    }

    public static String range(Interval i) {
        return String.format(Locale.ROOT, "%.3f–%.3f", i.lower(), i.upper());
    }

    public static String orNotRecorded(String value) {
        return value == null || value.isBlank() ? NOT_RECORDED : value;
    }
}
