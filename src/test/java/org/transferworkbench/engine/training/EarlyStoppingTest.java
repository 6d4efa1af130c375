package org.transferworkbench.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    @Test
    void stopsAfterPatienceEpochsWithoutImprovementAndKeepsTheBest() {
        EarlyStopping s = new EarlyStopping(2);
        assertThat(s.record(1, 0.5, 1.0)).isTrue();
        assertThat(s.record(2, 0.7, 0.9)).isTrue();
        assertThat(s.record(3, 0.7, 0.95)).isFalse();
        assertThat(s.shouldStop(3)).isFalse();
        assertThat(s.record(4, 0.6, 0.8)).isFalse();
        assertThat(s.shouldStop(4)).isTrue();
        assertThat(s.bestEpoch()).isEqualTo(2);
    }

    @Test
    void equalAccuracyWithLowerLossCountsAsBetter() {
        EarlyStopping s = new EarlyStopping(0);
        s.record(1, 0.8, 0.5);
        assertThat(s.record(2, 0.8, 0.4)).isTrue();
        assertThat(s.shouldStop(100)).isFalse();
    }

    @Test
    void nonsenseHyperparametersAreRefusedBeforeAnyWork() {
        Hyperparameters d = Hyperparameters.defaults();
        assertThatThrownBy(() -> new Hyperparameters(d.optimizer(), -0.1, 0.9, 16, 1, 0, 1, 0, 1, false))
                .hasMessageContaining("Learning rate");
        assertThatThrownBy(() -> new Hyperparameters(d.optimizer(), 0.1, 0.9, 0, 1, 0, 1, 0, 1, false))
                .hasMessageContaining("Batch size");
        assertThatThrownBy(() -> new Hyperparameters(d.optimizer(), Double.NaN, 0.9, 4, 1, 0, 1, 0, 1, false))
                .hasMessageContaining("Learning rate");
        assertThatThrownBy(() -> new Hyperparameters(d.optimizer(), 0.1, 0.9, 4, 0, 0, 1, 0, 1, false))
                .hasMessageContaining("Epochs");
    }
}
