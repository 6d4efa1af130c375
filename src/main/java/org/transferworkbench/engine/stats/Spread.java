package org.transferworkbench.engine.stats;

import java.util.Arrays;
import java.util.Locale;

/** How a figure varies over repeats: count, mean, sample standard deviation (n-1), min and max. */
public record Spread(int n, double mean, double sd, double min, double max) {

    public static Spread of(double... values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        int n = finite.length;
        if (n == 0) {
            return new Spread(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Arrays.stream(finite).average().orElseThrow();
        double squares = Arrays.stream(finite).map(v -> (v - mean) * (v - mean)).sum();
        double sd = n < 2 ? 0 : Math.sqrt(squares / (n - 1));
        return new Spread(n, mean, sd, Arrays.stream(finite).min().orElseThrow(),
                Arrays.stream(finite).max().orElseThrow());
    }

    /** {@code 0.912 ± 0.031} */
    public String format(int digits) {
        String f = "%." + digits + "f";
        return String.format(Locale.ROOT, f + " ± " + f, mean, sd);
    }
}
