package org.transferworkbench.engine.stats;

import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Compares two arms of a study whose repeats share seeds or folds. Pairing removes what both arms share (the split,
 * the data order), so the paired t-test is the natural first answer; the verdict also demands that the difference
 * exceed the run-to-run standard deviation, because with few repeats a "significant" difference smaller than the
 * noise of a single run is not one a user can rely on.
 */
public final class PairedComparison {

    private PairedComparison() {
    }

    public static PairedDifference compare(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("A paired comparison needs the same repeats in both arms: "
                    + a.length + " against " + b.length + ".");
        }
        int n = a.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = b[i] - a[i];
        }
        Spread diff = Spread.of(d);
        Spread sa = Spread.of(a);
        Spread sb = Spread.of(b);
        double pooled = Math.sqrt((sa.sd() * sa.sd() + sb.sd() * sb.sd()) / 2);
        if (n < 2) {
            return new PairedDifference(n, diff.mean(), 0, new Interval(diff.mean(), Double.NaN, Double.NaN),
                    Double.NaN, pooled, false, "One pair only: repeat with more seeds or folds to judge the "
                    + "difference.");
        }
        double se = diff.sd() / Math.sqrt(n);
        TDistribution t = new TDistribution(n - 1);
        double half = t.inverseCumulativeProbability(0.975) * se;
        Interval ci = new Interval(diff.mean(), diff.mean() - half, diff.mean() + half);
        double p = se == 0 ? (diff.mean() == 0 ? 1.0 : 0.0) : 2 * t.cumulativeProbability(-Math.abs(diff.mean() / se));
        boolean excludesZero = ci.lower() > 0 || ci.upper() < 0;
        boolean beyond = excludesZero && Math.abs(diff.mean()) > pooled;
        return new PairedDifference(n, diff.mean(), diff.sd(), ci, p, pooled, beyond,
                verdict(diff.mean(), ci, p, pooled, excludesZero, beyond));
    }

    private static String verdict(double mean, Interval ci, double p, double noise, boolean excludesZero,
                                  boolean beyond) {
        String figures = String.format(Locale.ROOT, "difference %+.3f (95%% CI %+.3f to %+.3f, p = %.3g), "
                + "run-to-run sd %.3f", mean, ci.lower(), ci.upper(), p, noise);
        if (beyond) {
            return (mean > 0 ? "B is better" : "A is better") + " beyond the run-to-run noise: " + figures + ".";
        }
        if (excludesZero) {
            return "A consistent difference, but smaller than the noise of a single run: " + figures + ".";
        }
        return "No difference beyond the run-to-run noise: " + figures + ".";
    }
}
