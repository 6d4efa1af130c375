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

    @Test
    void duringTrainingTheLineShowsMemoryInUseAndFree() {
        assertThat(DeviceReport.memoryLine(Topologies.cuda(Topologies.gpu("NVIDIA H100", 80, 67.7))))
                .isEqualTo("GPU: NVIDIA H100 · 12.3 GB in use · 67.7 GB free");
        assertThat(DeviceReport.memoryLine(Topologies.cuda(Topologies.gpu("A", 16, 10), Topologies.gpu("B", 16, 4))))
                .isEqualTo("GPUs: 0 A 6.0 GB in use, 10.0 GB free · 1 B 12.0 GB in use, 4.0 GB free");
    }

    @Test
    void severalGpusAreListedInTheRunStartLine() {
        assertThat(DeviceReport.describe("JCublasBackend", Topologies.environment(Topologies.gpu("A", 16, 10),
                Topologies.gpu("B", 16, 4)), true, "x", 4))
                .isEqualTo("GPU: 2 GPUs: A (16.0 GB, 10.0 GB free); B (16.0 GB, 4.0 GB free)");
    }
}
