package org.transferworkbench.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void sampleStandardDeviationAndRange() {
        Spread s = Spread.of(2, 4, 4, 4, 5, 5, 7, 9);
        assertThat(s.n()).isEqualTo(8);
        assertThat(s.mean()).isEqualTo(5.0);
        assertThat(s.sd()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
        assertThat(s.min()).isEqualTo(2.0);
        assertThat(s.max()).isEqualTo(9.0);
        assertThat(s.format(2)).isEqualTo("5.00 ± 2.14");
    }

    @Test
    void missingValuesAreLeftOutAndOneValueHasNoSpread() {
        Spread s = Spread.of(0.8, Double.NaN);
        assertThat(s.n()).isEqualTo(1);
        assertThat(s.sd()).isZero();
        assertThat(Spread.of().mean()).isNaN();
    }
}
