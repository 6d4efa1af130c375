package org.transferworkbench.engine.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.transferworkbench.engine.device.Topologies.cuda;
import static org.transferworkbench.engine.device.Topologies.gpu;

import org.junit.jupiter.api.Test;

class GpuCountTest {
    private static final DeviceTopology FOUR = cuda(gpu("V100", 16, 15), gpu("V100", 16, 15), gpu("V100", 16, 15),
            gpu("V100", 16, 15));
    private static final DeviceTopology ONE = cuda(gpu("RTX 3090", 24, 23));

    @Test
    void parsesNumbersAndAll() {
        assertThat(GpuCount.parse("2")).isEqualTo(new GpuCount(2, false));
        assertThat(GpuCount.parse(" ALL ")).isEqualTo(GpuCount.ALL);
        assertThatThrownBy(() -> GpuCount.parse("two")).hasMessage("--gpus takes a number of GPUs (1, 2, ...) or "
                + "'all', not 'two'.");
        assertThatThrownBy(() -> GpuCount.parse("0")).hasMessageContaining("at least 1");
    }

    @Test
    void severalVisibleGpusCanBeUsedAllOrInPart() {
        assertThat(GpuCount.ALL.resolve(FOUR)).isEqualTo(4);
        assertThat(GpuCount.parse("2").resolve(FOUR)).isEqualTo(2);
        assertThat(GpuCount.ONE.resolve(FOUR)).isEqualTo(1);
        assertThat(GpuCount.unavailableReason(FOUR)).isNull();
    }

    @Test
    void askingForMoreGpusThanAreVisibleNamesThem() {
        assertThatThrownBy(() -> GpuCount.parse("8").resolve(FOUR))
                .hasMessage("--gpus 8 asks for more GPUs than the 4 visible ones (0: V100, 1: V100, 2: V100, 3: V100);"
                        + " use --gpus 4 or --gpus all.");
    }

    @Test
    void onTheCpuItStaysOffAndSaysWhyInOneSentence() {
        DeviceTopology cpu = DeviceTopology.cpu();
        assertThat(GpuCount.ALL.resolve(cpu)).isEqualTo(1);
        assertThat(GpuCount.ONE.resolve(cpu)).isEqualTo(1);
        assertThatThrownBy(() -> GpuCount.parse("2").resolve(cpu)).hasMessage("--gpus 2 is not possible here: "
                + "training on several GPUs needs the CUDA backend (./run.sh --gpu) and at least two NVIDIA GPUs, "
                + "and this run uses the CPU.");
        assertThat(GpuCount.unavailableReason(cpu)).doesNotContain("\n").endsWith(".");
    }

    @Test
    void oneVisibleGpuIsNotEnoughEither() {
        assertThat(GpuCount.ALL.resolve(ONE)).isEqualTo(1);
        assertThatThrownBy(() -> GpuCount.parse("2").resolve(ONE)).hasMessageContaining("only one (0: RTX 3090) is "
                + "visible").hasMessageContaining("CUDA_VISIBLE_DEVICES");
    }
}
