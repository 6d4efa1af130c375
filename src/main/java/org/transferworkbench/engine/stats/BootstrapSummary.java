package org.transferworkbench.engine.stats;

import java.util.List;

/** Percentile bootstrap intervals of a classification's figures, resampling the test images. */
public record BootstrapSummary(Interval accuracy, Interval balancedAccuracy, Interval macroF1,
                               List<ClassIntervals> perClass, int resamples) {
}
