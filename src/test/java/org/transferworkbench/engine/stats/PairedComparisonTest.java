package org.transferworkbench.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    @Test
    void consistentGainLargerThanNoiseIsCalledReal() {
        double[] a = {0.80, 0.82, 0.79, 0.81};
        double[] b = {0.85, 0.88, 0.83, 0.86};
        PairedDifference d = PairedComparison.compare(a, b);
        // reference figures from SciPy's ttest_rel and t.ppf(0.975, 3)
        assertThat(d.meanDifference()).isCloseTo(0.05, within(1e-12));
        assertThat(d.sdDifference()).isCloseTo(0.0081649658, within(1e-9));
        assertThat(d.pValue()).isCloseTo(0.0011722164, within(1e-8));
        assertThat(d.difference().lower()).isCloseTo(0.05 - 0.0129922826, within(1e-8));
        assertThat(d.difference().upper()).isCloseTo(0.05 + 0.0129922826, within(1e-8));
        assertThat(d.beyondNoise()).isTrue();
        assertThat(d.verdict()).startsWith("B is better beyond the run-to-run noise");
    }

    @Test
    void differenceThatSwingsBothWaysIsNoise() {
        double[] a = {0.60, 0.75, 0.70, 0.65};
        double[] b = {0.70, 0.65, 0.75, 0.61};
        PairedDifference d = PairedComparison.compare(a, b);
        assertThat(d.difference().contains(0)).isTrue();
        assertThat(d.beyondNoise()).isFalse();
        assertThat(d.verdict()).startsWith("No difference beyond the run-to-run noise");
    }

    @Test
    void consistentButTinyDifferenceIsNotOverSold() {
        double[] a = {0.50, 0.70, 0.90, 0.60};
        double[] b = {0.51, 0.71, 0.905, 0.61};
        PairedDifference d = PairedComparison.compare(a, b);
        assertThat(d.difference().lower()).isPositive();
        assertThat(d.runToRunSd()).isGreaterThan(d.meanDifference());
        assertThat(d.beyondNoise()).isFalse();
        assertThat(d.verdict()).startsWith("A consistent difference, but smaller than the noise");
    }

    @Test
    void onePairCannotBeJudged() {
        PairedDifference d = PairedComparison.compare(new double[] {0.7}, new double[] {0.9});
        assertThat(d.pValue()).isNaN();
        assertThat(d.beyondNoise()).isFalse();
        assertThat(d.verdict()).contains("more seeds or folds");
    }

    @Test
    void unequalRepeatsAreRefused() {
        assertThatThrownBy(() -> PairedComparison.compare(new double[] {1, 2}, new double[] {1}))
                .hasMessageContaining("same repeats");
    }
}
