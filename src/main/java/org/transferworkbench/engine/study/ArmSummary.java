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

    /** {@code 0.912 ± 0.031 [0.871, 0.948]}: mean ± sd over repeats and the typical 95% interval; "-" when none. */
    public String describe(StudyMetric metric) {
        Spread s = spreads.get(metric);
        if (s == null || s.n() == 0) {
            return "-";
        }
        Interval ci = typicalInterval.get(metric);
        return s.format(3) + (ci == null ? "" : String.format(java.util.Locale.ROOT, " [%.3f, %.3f]", ci.lower(),
                ci.upper()));
    }
}
