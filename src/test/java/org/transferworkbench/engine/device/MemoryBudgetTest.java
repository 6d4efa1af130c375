package org.transferworkbench.engine.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.transferworkbench.engine.device.Topologies.GB;
import static org.transferworkbench.engine.device.Topologies.cuda;
import static org.transferworkbench.engine.device.Topologies.gpu;

import org.junit.jupiter.api.Test;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.MemoryEstimate;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.VggLayout;
import org.transferworkbench.engine.model.VggVariant;

class MemoryBudgetTest {
    private static final long HEAP = 6 * GB;
    private static final long JAVACPP_LIMIT = 14 * GB;

    /** VGG16 at 224 px, everything trained with Adam, batch 32: about 10 GB by the plan. */
    private static final MemoryEstimate FULL_VGG16 = MemoryEstimate.of(
            VggLayout.of(ModelSpec.paper(VggVariant.VGG16, 224, 10)), FreezePlan.fineTuneAll(), 32, 2);

    @Test
    void onTheCpuThePlanMeetsTheNativeLimitLessTheHeap() {
        MemoryBudget b = MemoryBudget.forTraining(DeviceTopology.cpu(), 1, JAVACPP_LIMIT, HEAP);
        assertThat(b.bytes()).isEqualTo(8 * GB);
        assertThat(b.gpu()).isNull();
        assertThat(MemoryBudget.forTraining(DeviceTopology.cpu(), 1, 0, HEAP).bytes()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void onAGpuThePlanMeetsThatGpusFreeMemoryNotTheProcessLimit() {
        MemoryBudget b = MemoryBudget.forTraining(cuda(gpu("NVIDIA RTX A4000", 16, 15.2)), 1, JAVACPP_LIMIT, HEAP);
        assertThat(b.bytes()).isEqualTo((long) (15.2 * GB));
        assertThat(b.gpu().name()).isEqualTo("NVIDIA RTX A4000");
        FULL_VGG16.requireFits(b, 32);

        MemoryBudget small = MemoryBudget.forTraining(cuda(gpu("NVIDIA GeForce GTX 1650", 4, 3.6)), 1,
                JAVACPP_LIMIT, HEAP);
        assertThatThrownBy(() -> FULL_VGG16.requireFits(small, 32)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only 3.6 GB are available (free on GPU 0 (NVIDIA GeForce GTX 1650: 3.6 GB "
                        + "free of 4.0 GB))")
                .hasMessageContaining("smaller batch size").hasMessageContaining("smaller input size")
                .hasMessageContaining("nvidia-smi").hasMessageNotContaining("\n");
    }

    @Test
    void withSeveralGpusTheFullestOneDecides() {
        DeviceTopology t = cuda(gpu("A", 24, 22), gpu("B", 24, 6), gpu("C", 24, 1));
        MemoryBudget two = MemoryBudget.forTraining(t, 2, JAVACPP_LIMIT, HEAP);
        assertThat(two.gpu().name()).isEqualTo("B");
        assertThat(two.where()).contains("the fullest of the 2 GPUs");
        assertThat(MemoryBudget.forTraining(t, 3, JAVACPP_LIMIT, HEAP).gpu().name()).isEqualTo("C");
        assertThat(MemoryBudget.forTraining(t, 1, JAVACPP_LIMIT, HEAP).gpu().name()).isEqualTo("A");
        assertThatThrownBy(() -> FULL_VGG16.requireFits(two, 32)).hasMessageContaining("GPU 1 (B: 6.0 GB free");
    }
}
