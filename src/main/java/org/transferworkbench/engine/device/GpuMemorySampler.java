package org.transferworkbench.engine.device;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the GPUs' memory on a timer of its own while a run trains, so that the window only has to read the
 * latest sample (a field) instead of calling into the CUDA driver on its UI thread or once per minibatch.
 */
public final class GpuMemorySampler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GpuMemorySampler.class);

    private final Supplier<DeviceTopology> source;
    private final ScheduledExecutorService timer;
    private volatile DeviceTopology latest;
    private volatile boolean failedOnce;

    private GpuMemorySampler(Supplier<DeviceTopology> source) {
        this.source = source;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gpu-memory-sampler");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts sampling {@code source} now and then every {@code period}, on a daemon thread. */
    public static GpuMemorySampler start(Supplier<DeviceTopology> source, Duration period) {
        GpuMemorySampler sampler = new GpuMemorySampler(source);
        sampler.timer.scheduleWithFixedDelay(sampler::sample, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return sampler;
    }

    private void sample() {
        try {
            latest = source.get();
        } catch (RuntimeException | LinkageError e) {
            // keep the last good sample; one log line, not one per tick
            if (!failedOnce) {
                failedOnce = true;
                LOG.warn("Could not read the GPU's memory: {}", e.toString());
            }
        }
    }

    /** The newest sample, or null before the first one. */
    public DeviceTopology latest() {
        return latest;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
