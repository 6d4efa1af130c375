package org.transferworkbench.engine.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transferworkbench.engine.device.Topologies.GB;
import static org.transferworkbench.engine.device.Topologies.cuda;
import static org.transferworkbench.engine.device.Topologies.gpu;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceTopologyTest {

    @Test
    void theCudaBackendListsEachVisibleGpuWithItsMemory() {
        DeviceTopology t = cuda(gpu("NVIDIA A100-SXM4-40GB", 40, 39.5), gpu("NVIDIA A100-SXM4-40GB", 40, 12));
        assertThat(t.cudaBackend()).isTrue();
        assertThat(t.gpuCount()).isEqualTo(2);
        assertThat(t.severalGpus()).isTrue();
        GpuDevice second = t.gpus().get(1);
        assertThat(second.index()).isEqualTo(1);
        assertThat(second.freeBytes()).isEqualTo(12 * GB);
        assertThat(second.usedBytes()).isEqualTo(28 * GB);
        assertThat(second.describe()).isEqualTo("GPU 1 (NVIDIA A100-SXM4-40GB: 12.0 GB free of 40.0 GB)");
    }

    @Test
    void theCpuBackendHasNoGpusWhateverTheEnvironmentSays() {
        DeviceTopology t = DeviceTopology.of("CpuBackend", Topologies.environment(gpu("x", 8, 8)), 0);
        assertThat(t.cudaBackend()).isFalse();
        assertThat(t.gpus()).isEmpty();
        assertThat(t.currentGpu()).isNull();
        assertThat(t.gpusFor(4)).isEmpty();
    }

    @Test
    void oneWorkerUsesTheCallingThreadsGpuAndSeveralUseTheFirstN() {
        DeviceTopology t = DeviceTopology.of("JCublasBackend",
                Topologies.environment(gpu("a", 8, 1), gpu("b", 8, 2), gpu("c", 8, 3)), 2);
        assertThat(t.currentGpu().name()).isEqualTo("c");
        assertThat(t.gpusFor(1)).extracting(GpuDevice::name).containsExactly("c");
        assertThat(t.gpusFor(2)).extracting(GpuDevice::name).containsExactly("a", "b");
        assertThat(t.gpusFor(5)).hasSize(3);
    }

    @Test
    void missingOrOddFiguresDoNotBreakIt() {
        DeviceTopology t = DeviceTopology.of("JCublasBackend",
                Map.of("cuda.devicesInformation", java.util.List.of(Map.of(), "not a map")), 7);
        assertThat(t.gpus()).singleElement().satisfies(g -> {
            assertThat(g.name()).isEqualTo("GPU 0");
            assertThat(g.totalBytes()).isZero();
        });
        assertThat(t.currentDevice()).isZero();
        assertThat(DeviceTopology.of("JCublasBackend", Map.of(), 0).gpus()).isEmpty();
    }

    @Test
    void thisBuildSamplesTheCpuBackend() {
        assertThat(DeviceTopology.current()).isEqualTo(DeviceTopology.cpu());
    }
}
