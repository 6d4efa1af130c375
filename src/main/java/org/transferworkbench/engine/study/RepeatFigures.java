package org.transferworkbench.engine.study;

import java.util.List;
import org.transferworkbench.engine.stats.BootstrapSummary;
import org.transferworkbench.engine.training.EpochMetrics;

/**
 * The figures of one finished repeat: its test scores, the epoch of best validation accuracy (1-based), the
 * bootstrap intervals over its test images and its learning curves.
 *
 * @param bootstrap null when the run's test predictions could not be read
 */
public record RepeatFigures(StudyRepeat repeat, double testAccuracy, double balancedAccuracy, double macroF1,
                           int bestEpoch, BootstrapSummary bootstrap, List<EpochMetrics> curve) {
    public RepeatFigures {
        curve = List.copyOf(curve);
    }

    public double metric(StudyMetric metric) {
        return switch (metric) {
            case ACCURACY -> testAccuracy;
            case BALANCED_ACCURACY -> balancedAccuracy;
            case MACRO_F1 -> macroF1;
        };
    }
}
