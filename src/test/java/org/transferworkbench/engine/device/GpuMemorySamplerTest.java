package org.transferworkbench.engine.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GpuMemorySamplerTest {

    @Test
    void keepsTheLastGoodSampleThroughFailuresAndStopsWhenClosed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        DeviceTopology good = Topologies.cuda(Topologies.gpu("T4", 16, 15));
        GpuMemorySampler sampler = GpuMemorySampler.start(() -> {
            if (calls.incrementAndGet() > 1) {
                throw new IllegalStateException("driver went away");
            }
            return good;
        }, Duration.ofMillis(5));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (calls.get() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(calls.get()).isGreaterThanOrEqualTo(4);
        assertThat(sampler.latest()).isEqualTo(good);
        sampler.close();
        int after = calls.get();
        Thread.sleep(50);
        assertThat(calls.get()).isLessThanOrEqualTo(after + 1);
    }
}
