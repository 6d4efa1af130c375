package org.transferworkbench.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FreezePlanTest {

    @Test
    void parsesPresetsAndRanges() {
        assertThat(FreezePlan.parse("conv")).isEqualTo(FreezePlan.featureExtraction());
        assertThat(FreezePlan.parse("none")).isEqualTo(FreezePlan.fineTuneAll());
        assertThat(FreezePlan.parse("blocks:1-3")).isEqualTo(FreezePlan.firstBlocksFrozen(3));
        FreezePlan odd = FreezePlan.parse("blocks:1,3+fc");
        assertThat(odd.isBlockFrozen(1)).isTrue();
        assertThat(odd.isBlockFrozen(2)).isFalse();
        assertThat(odd.isBlockFrozen(3)).isTrue();
        assertThat(odd.isFcFrozen()).isTrue();
        assertThat(odd.frozenPrefixBlocks()).isEqualTo(1);
    }

    @Test
    void textFormRoundTrips() {
        for (String s : new String[] {"conv", "none", "blocks:1", "blocks:1-3", "blocks:2,4", "conv+fc"}) {
            assertThat(FreezePlan.parse(s).toString()).isEqualTo(s);
        }
    }

    @Test
    void nonsenseIsRefusedWithAUsefulMessage() {
        assertThatThrownBy(() -> FreezePlan.parse("blocks:0-2")).hasMessageContaining("numbered 1 to 5");
        assertThatThrownBy(() -> FreezePlan.parse("half")).hasMessageContaining("blocks:1-3");
        assertThatThrownBy(() -> FreezePlan.parse("blocks:3-1")).hasMessageContaining("Bad block range");
    }

    @Test
    void outputLayerIsNeverFrozen() {
        assertThat(FreezePlan.parse("conv+fc").isFrozen(LayerGroup.OUTPUT)).isFalse();
    }
}
