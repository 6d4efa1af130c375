package org.transferworkbench.engine.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferworkbench.engine.experiment.EnvironmentInfo;

class DeviceReportTest {

    @Test
    void cpuBuildNamesTheProcessor() {
        assertThat(DeviceReport.describe("CpuBackend", Map.of(), false, "AMD EPYC 7B13", 2))
                .isEqualTo("CPU: AMD EPYC 7B13, 2 threads");
    }

    @Test
    void cudaInstalledWithoutAGpuSaysSoInOneLine() {
        String s = DeviceReport.describe("CpuBackend", Map.of(), true, "AMD EPYC", 2);
        assertThat(s).startsWith("CPU: AMD EPYC, 2 threads").contains("no usable NVIDIA GPU").doesNotContain("\n");
    }

    @Test
    void gpuNameAndMemoryComeFromNd4jsEnvironment() {
        Map<String, Object> env = Map.of("cuda.devicesInformation", List.of(Map.of("cuda.deviceName",
                "NVIDIA H100", "cuda.totalMemory", 80_000_000_000L, "cuda.freeMemory", 79_000_000_000L)));
        assertThat(DeviceReport.describe("JCublasBackend", env, true, "x", 16))
                .isEqualTo("GPU: NVIDIA H100 (80.0 GB, 79.0 GB free)");
    }

    @Test
    void thisBuildRunsOnTheCpuBackend() {
        assertThat(DeviceReport.cudaBackendInstalled()).isFalse();
        assertThat(EnvironmentInfo.deviceDescription()).startsWith("CPU: ");
    }
}
