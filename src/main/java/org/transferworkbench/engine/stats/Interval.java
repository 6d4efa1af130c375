package org.transferworkbench.engine.stats;

import java.util.Locale;

/** A point estimate with the bounds of its confidence interval (95% wherever this package makes one). */
public record Interval(double estimate, double lower, double upper) {

    /** As a paper prints it: {@code 0.912 [0.871, 0.948]}. */
    public String format(int digits) {
        String f = "%." + digits + "f";
        return String.format(Locale.ROOT, f + " [" + f + ", " + f + "]", estimate, lower, upper);
    }

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
