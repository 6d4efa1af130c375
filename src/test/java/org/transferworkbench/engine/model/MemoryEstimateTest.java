package org.transferworkbench.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemoryEstimateTest {
    private static final long GB = 1_000_000_000L;

    @Test
    void paperVgg16At224IsDominatedByActivationsAndOptimiserState() {
        MemoryEstimate e = MemoryEstimate.of(VggLayout.of(ModelSpec.paper(VggVariant.VGG16, 224, 1000)),
                FreezePlan.fineTuneAll(), 16, 2);
        assertThat(e.parameterBytes()).isEqualTo(138_357_544L * 4);
        assertThat(e.gradientAndOptimizerBytes()).isEqualTo(138_357_544L * 4 * 3);
        assertThat(e.totalBytes()).isBetween(5 * GB, 8 * GB);
    }

    @Test
    void aPlanThatCannotFitIsRefusedWithAdvice() {
        MemoryEstimate e = MemoryEstimate.of(VggLayout.of(ModelSpec.paper(VggVariant.VGG19, 224, 1000)),
                FreezePlan.fineTuneAll(), 128, 2);
        assertThatThrownBy(() -> e.requireFits(8 * GB, 128)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("smaller batch size").hasMessageContaining("batch of 128");
    }

    @Test
    void freezingSavesTheOptimiserState() {
        VggLayout layout = VggLayout.of(ModelSpec.compact(VggVariant.VGG16, 64, 3));
        MemoryEstimate frozen = MemoryEstimate.of(layout, FreezePlan.featureExtraction(), 16, 2);
        MemoryEstimate all = MemoryEstimate.of(layout, FreezePlan.fineTuneAll(), 16, 2);
        assertThat(frozen.gradientAndOptimizerBytes()).isLessThan(all.gradientAndOptimizerBytes() / 50);
        frozen.requireFits(2 * GB, 16);
    }
}
