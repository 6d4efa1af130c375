package org.transferworkbench.engine.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.transferworkbench.engine.eval.ClassMetrics;
import org.transferworkbench.engine.eval.ConfusionMatrix;
import org.transferworkbench.engine.eval.EvaluationReport;

/**
 * 95% confidence intervals for accuracy, balanced accuracy, macro-F1 and each class's precision / recall / F1 by the
 * percentile bootstrap over test images: the test set is one sample of the images the model will meet, and the
 * intervals say how much the figures would move with another sample of the same size. Seeded, so a report shows
 * the same interval every time it is written.
 */
public final class ClassificationBootstrap {
    public static final int STANDARD_RESAMPLES = 2000;
    public static final long STANDARD_SEED = 20_240_101L;
    private static final double ALPHA = 0.05;

    private final int resamples;
    private final long seed;

    public ClassificationBootstrap(int resamples, long seed) {
        if (resamples < 100) {
            throw new IllegalArgumentException("A bootstrap needs at least 100 resamples; got " + resamples + ".");
        }
        this.resamples = resamples;
        this.seed = seed;
    }

    public static ClassificationBootstrap standard() {
        return new ClassificationBootstrap(STANDARD_RESAMPLES, STANDARD_SEED);
    }

    public BootstrapSummary estimate(LabelledOutcomes outcomes) {
        int n = outcomes.size();
        if (n == 0) {
            throw new IllegalArgumentException("No test images with a known class: there is nothing to bootstrap.");
        }
        int classes = outcomes.classNames().size();
        double[][] samples = new double[3 + 3 * classes][resamples];
        SplittableRandom random = new SplittableRandom(seed);
        for (int b = 0; b < resamples; b++) {
            ConfusionMatrix m = new ConfusionMatrix(outcomes.classNames());
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                m.add(outcomes.actual()[pick], outcomes.predicted()[pick]);
            }
            record(m, samples, b);
        }
        double[][] full = new double[samples.length][1];
        record(outcomes.confusion(), full, 0);
        List<ClassIntervals> perClass = new ArrayList<>();
        ConfusionMatrix whole = outcomes.confusion();
        for (int c = 0; c < classes; c++) {
            int row = 3 + 3 * c;
            perClass.add(new ClassIntervals(outcomes.classNames().get(c), interval(full[row][0], samples[row]),
                    interval(full[row + 1][0], samples[row + 1]), interval(full[row + 2][0], samples[row + 2]),
                    whole.support(c)));
        }
        return new BootstrapSummary(interval(full[0][0], samples[0]), interval(full[1][0], samples[1]),
                interval(full[2][0], samples[2]), perClass, resamples);
    }

    /**
     * A class that no resampled image belongs to (or that nothing was predicted as) has no recall (precision) in
     * that resample; it is left out of that figure's interval rather than counted as 0, and out of that resample's
     * macro-F1 (which on a full test set, where every class occurs, is the report's macro-F1).
     */
    private static void record(ConfusionMatrix m, double[][] into, int b) {
        EvaluationReport r = EvaluationReport.from("bootstrap", m, Double.NaN);
        into[0][b] = r.accuracy();
        into[1][b] = r.balancedAccuracy();
        double f1Sum = 0;
        int f1Count = 0;
        for (int c = 0; c < r.perClass().size(); c++) {
            ClassMetrics cm = r.perClass().get(c);
            boolean hasSupport = m.support(c) > 0;
            boolean hasPredictions = m.predictedCount(c) > 0;
            into[3 + 3 * c][b] = hasPredictions ? cm.precision() : Double.NaN;
            into[4 + 3 * c][b] = hasSupport ? cm.recall() : Double.NaN;
            into[5 + 3 * c][b] = hasSupport || hasPredictions ? cm.f1() : Double.NaN;
            if (hasSupport || hasPredictions) {
                f1Sum += cm.f1();
                f1Count++;
            }
        }
        into[2][b] = f1Count == 0 ? Double.NaN : f1Sum / f1Count;
    }

    private static Interval interval(double estimate, double[] samples) {
        double[] finite = Arrays.stream(samples).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return new Interval(estimate, Double.NaN, Double.NaN);
        }
        return new Interval(estimate, Quantiles.of(finite, ALPHA / 2), Quantiles.of(finite, 1 - ALPHA / 2));
    }
}
