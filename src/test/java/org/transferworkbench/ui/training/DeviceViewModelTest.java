package org.transferworkbench.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.transferworkbench.engine.device.DeviceTopology;
import org.transferworkbench.engine.training.DataParallelism;
import org.transferworkbench.ui.fx.CurrentThreadTaskExecutor;

class DeviceViewModelTest {
    private static final long GB = 1_000_000_000L;

    /** Two made-up 24 GB GPUs whose free memory shrinks by 1 GB with every sample, as if a run were filling them. */
    private static final class FillingGpus {
        final AtomicLong samples = new AtomicLong();

        DeviceTopology next() {
            long used = samples.getAndIncrement() * GB;
            Map<String, Object> a = Map.of("cuda.deviceName", "RTX 4090", "cuda.totalMemory", 24 * GB,
                    "cuda.freeMemory", 24 * GB - used);
            Map<String, Object> b = Map.of("cuda.deviceName", "RTX 4090", "cuda.totalMemory", 24 * GB,
                    "cuda.freeMemory", 24 * GB);
            return DeviceTopology.of("JCublasBackend", Map.of("cuda.devicesInformation", List.of(a, b)), 0);
        }
    }

    @Test
    void onTheCpuTheLineStaysTheCpuLineAndSeveralGpusAreOffWithAReason() {
        DeviceViewModel vm = new DeviceViewModel(new CurrentThreadTaskExecutor(), () -> "CPU: Test CPU, 2 threads",
                DeviceTopology::cpu, Duration.ofMillis(10));
        vm.detect();
        assertThat(vm.lineProperty().get()).isEqualTo("Device: CPU: Test CPU, 2 threads");
        assertThat(vm.severalGpusProperty().get()).isFalse();
        assertThat(vm.gpuChoices()).containsExactly(1);
        assertThat(vm.gpusHintProperty().get()).startsWith("Training on several GPUs needs the CUDA backend")
                .endsWith(".");
        vm.gpusProperty().set(2);
        assertThat(vm.parallelism()).isEqualTo(DataParallelism.SINGLE);

        vm.trainingStarted();
        vm.refresh();
        vm.trainingEnded();
        assertThat(vm.lineProperty().get()).isEqualTo("Device: CPU: Test CPU, 2 threads");
    }

    @Test
    void withTwoGpusTheChoiceIsOfferedAndTheMemoryIsSampledWhileTraining() throws Exception {
        FillingGpus gpus = new FillingGpus();
        DeviceViewModel vm = new DeviceViewModel(new CurrentThreadTaskExecutor(), () -> "2 GPUs: …", gpus::next,
                Duration.ofMillis(10));
        vm.detect();
        assertThat(vm.severalGpusProperty().get()).isTrue();
        assertThat(vm.gpuChoices()).containsExactly(1, 2);
        assertThat(vm.parallelism().workers()).isEqualTo(2);
        vm.gpusProperty().set(1);
        assertThat(vm.parallelism()).isEqualTo(DataParallelism.SINGLE);

        vm.trainingStarted();
        String first = awaitLineChange(vm, "Device: 2 GPUs: …");
        assertThat(first).startsWith("Device: GPUs: 0 RTX 4090 ").contains(" GB in use, ")
                .contains("1 RTX 4090 0.0 GB in use, 24.0 GB free");
        String later = awaitLineChange(vm, first);
        assertThat(later).isNotEqualTo(first);
        vm.trainingEnded();
        long samples = gpus.samples.get();
        Thread.sleep(100);
        assertThat(gpus.samples.get()).as("no sampling after the run").isLessThanOrEqualTo(samples + 1);
    }

    private static String awaitLineChange(DeviceViewModel vm, String old) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            vm.refresh();
            if (!vm.lineProperty().get().equals(old)) {
                return vm.lineProperty().get();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the device line did not change from " + old);
    }
}
