package org.transferworkbench.engine.stats;

/**
 * How arm B differs from arm A over repeats paired by seed or fold.
 *
 * @param meanDifference mean of b - a
 * @param difference     t-based 95% interval of the mean difference
 * @param pValue         two-sided paired t-test; NaN with fewer than two pairs or no variation
 * @param runToRunSd     pooled standard deviation of the two arms: the noise one repeat carries
 * @param beyondNoise    the interval excludes 0 and the mean difference exceeds the run-to-run noise
 */
public record PairedDifference(int n, double meanDifference, double sdDifference, Interval difference,
                               double pValue, double runToRunSd, boolean beyondNoise, String verdict) {
}
