package org.transferworkbench.engine.stats;

/** Quantiles of sorted values with linear interpolation between order statistics (R's and NumPy's default). */
final class Quantiles {

    private Quantiles() {
    }

    static double of(double[] sorted, double p) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
