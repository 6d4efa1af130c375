package org.transferworkbench.engine.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferworkbench.engine.stats.BootstrapSummary;
import org.transferworkbench.engine.stats.Interval;
import org.transferworkbench.engine.training.EpochMetrics;

class StudyAggregatorTest {

    private static int next;

    /** A finished repeat whose validation accuracy per epoch is given; other curves derive from it. */
    private static RepeatFigures repeat(String arm, long seed, double accuracy, int bestEpoch, double... valAcc) {
        List<EpochMetrics> curve = new ArrayList<>();
        for (int e = 0; e < valAcc.length; e++) {
            curve.add(new EpochMetrics(e + 1, 1 - valAcc[e], valAcc[e] + 0.1, 2 * (1 - valAcc[e]), valAcc[e], 1e-3,
                    1, 10));
        }
        StudyRepeat r = new StudyRepeat(next++, arm, seed, -1, RepeatState.SUCCEEDED, "run" + next, 1, null);
        BootstrapSummary b = new BootstrapSummary(new Interval(accuracy, accuracy - 0.1, accuracy + 0.05),
                new Interval(accuracy, accuracy - 0.2, accuracy + 0.1), new Interval(accuracy, 0, 1), List.of(), 100);
        return new RepeatFigures(r, accuracy, accuracy - 0.05, accuracy - 0.1, bestEpoch, b, curve);
    }

    @Test
    void anArmGetsMeanSdAndTheMeanOfItsRepeatsIntervals() {
        List<RepeatFigures> repeats = List.of(repeat("a", 1, 0.6, 2, 0.5, 0.6), repeat("a", 2, 0.8, 3, 0.3, 0.4, 0.5),
                repeat("a", 3, 0.7, 1, 0.4, 0.5));
        ArmSummary s = StudyAggregator.summarize("a", 4, repeats);
        assertThat(s.finished()).isEqualTo(3);
        assertThat(s.planned()).isEqualTo(4);
        assertThat(s.spreads().get(StudyMetric.ACCURACY).mean()).isCloseTo(0.7, within(1e-12));
        assertThat(s.spreads().get(StudyMetric.ACCURACY).sd()).isCloseTo(0.1, within(1e-12));
        assertThat(s.spreads().get(StudyMetric.MACRO_F1).mean()).isCloseTo(0.6, within(1e-12));
        assertThat(s.bestEpoch().mean()).isCloseTo(2.0, within(1e-12));
        Interval ci = s.typicalInterval().get(StudyMetric.BALANCED_ACCURACY);
        assertThat(ci.lower()).isCloseTo(0.5, within(1e-12));
        assertThat(ci.upper()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void curveBandsCoverTheRepeatsThatReachedEachEpoch() {
        ArmSummary s = StudyAggregator.summarize("a", 3, List.of(repeat("a", 1, 0.6, 2, 0.5, 0.6),
                repeat("a", 2, 0.8, 3, 0.3, 0.4, 0.5), repeat("a", 3, 0.7, 1, 0.4, 0.5)));
        List<CurveBand> val = s.curves().get(CurveKind.VALIDATION_ACCURACY);
        assertThat(val).hasSize(3);
        CurveBand first = val.get(0);
        assertThat(first.n()).isEqualTo(3);
        assertThat(first.mean()).isCloseTo(0.4, within(1e-12));
        assertThat(first.sd()).isCloseTo(0.1, within(1e-12));
        assertThat(first.min()).isCloseTo(0.3, within(1e-12));
        assertThat(first.max()).isCloseTo(0.5, within(1e-12));
        assertThat(val.get(2).n()).isEqualTo(1); // early stopping ended two repeats after epoch 2
        assertThat(val.get(2).sd()).isZero();
        assertThat(s.curves().get(CurveKind.VALIDATION_LOSS).get(0).mean()).isCloseTo(1.2, within(1e-12));
        assertThat(s.curves().get(CurveKind.TRAIN_ACCURACY).get(1).mean()).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void armsArePairedBySeedAndOnlyWhereBothFinished() {
        // b beats a by 0.10 +- 0.01 on every seed; seed 4 only finished in b and must not be paired
        List<RepeatFigures> repeats = List.of(repeat("b", 2, 0.80, 1, 0.5), repeat("a", 1, 0.60, 1, 0.5),
                repeat("a", 2, 0.70, 1, 0.5), repeat("b", 1, 0.69, 1, 0.5), repeat("a", 3, 0.65, 1, 0.5),
                repeat("b", 3, 0.76, 1, 0.5), repeat("b", 4, 0.10, 1, 0.5));
        List<ArmComparison> comparisons = StudyAggregator.compare(List.of("a", "b"), repeats);
        assertThat(comparisons).hasSize(StudyMetric.values().length);
        ArmComparison acc = comparisons.stream().filter(c -> c.metric() == StudyMetric.ACCURACY).findFirst()
                .orElseThrow();
        assertThat(acc.armA()).isEqualTo("a");
        assertThat(acc.armB()).isEqualTo("b");
        assertThat(acc.pairs()).containsExactly("seed 1", "seed 2", "seed 3");
        assertThat(acc.difference().n()).isEqualTo(3);
        assertThat(acc.difference().meanDifference()).isCloseTo(0.10, within(1e-12));
        assertThat(acc.difference().sdDifference()).isCloseTo(0.01, within(1e-9));
        assertThat(acc.difference().beyondNoise()).isTrue();
    }

    @Test
    void noisyArmsWithTheSameMeanAreNotCalledDifferent() {
        List<RepeatFigures> repeats = List.of(repeat("a", 1, 0.5, 1, 0.5), repeat("a", 2, 0.9, 1, 0.5),
                repeat("a", 3, 0.7, 1, 0.5), repeat("b", 1, 0.8, 1, 0.5), repeat("b", 2, 0.6, 1, 0.5),
                repeat("b", 3, 0.7, 1, 0.5));
        ArmComparison acc = StudyAggregator.compare(List.of("a", "b"), repeats).get(0);
        assertThat(acc.difference().meanDifference()).isCloseTo(0, within(1e-12));
        assertThat(acc.difference().beyondNoise()).isFalse();
    }
}
