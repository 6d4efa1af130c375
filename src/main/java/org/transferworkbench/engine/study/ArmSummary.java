package org.transferworkbench.engine.study;

import java.util.List;
import java.util.Map;
import org.transferworkbench.engine.stats.Interval;
import org.transferworkbench.engine.stats.Spread;

/**
 * One arm over its finished repeats: the spread of each test figure and of the best-validation epoch, the mean of
 * the repeats' bootstrap intervals, and the mean curves with their bands.
 *
 * @param spreads         test figures over repeats (mean ± sd is the run-to-run variation)
 * @param typicalInterval per figure, the mean of the repeats' 95% bootstrap bounds: the uncertainty that the finite
 *                        test set of one repeat carries; null entries where no repeat had readable predictions
 * @param curves          per curve kind, one band per epoch
 */
public record ArmSummary(String arm, int finished, int planned, Map<StudyMetric, Spread> spreads, Spread bestEpoch,
                         Map<StudyMetric, Interval> typicalInterval, Map<CurveKind, List<CurveBand>> curves) {
    public ArmSummary {
        spreads = Map.copyOf(spreads);
        typicalInterval = Map.copyOf(typicalInterval);
        curves = Map.copyOf(curves);
    }
}
