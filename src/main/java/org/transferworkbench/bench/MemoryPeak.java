package org.transferworkbench.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.bytedeco.javacpp.Pointer;

/**
 * Samples memory every few milliseconds on a daemon thread while a case runs and keeps the peaks: Java heap in
 * use, the process's resident memory ({@link Pointer#physicalBytes()}, which includes the heap) and the off-heap
 * bytes JavaCPP has allocated ({@link Pointer#totalBytes()}). ND4J 1.0.0-M2.1 allocates its arrays inside libnd4j,
 * which JavaCPP does not count (it stays near 0), so off-heap use is estimated as resident memory minus the committed
 * heap. Resident memory is a process-wide
 * figure that does not always fall after a free, so a case's peak can carry over from the case before it.
 */
public final class MemoryPeak implements AutoCloseable {
    private static final long PERIOD_MS = 10;

    /** Peak bytes. */
    public record Peak(long heapBytes, long physicalBytes, long javacppBytes, long offHeapBytes) { }

    private final MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long heap;
    private volatile long physical;
    private volatile long javacpp;
    private volatile long offHeap;

    private MemoryPeak() {
        sample();
        sampler = new Thread(this::loop, "memory-peak");
        sampler.setDaemon(true);
        sampler.start();
    }

    public static MemoryPeak start() {
        return new MemoryPeak();
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        var usage = bean.getHeapMemoryUsage();
        long rss = Pointer.physicalBytes();
        heap = Math.max(heap, usage.getUsed());
        physical = Math.max(physical, rss);
        offHeap = Math.max(offHeap, rss - usage.getCommitted());
        javacpp = Math.max(javacpp, Pointer.totalBytes());
    }

    public Peak peak() {
        sample();
        return new Peak(heap, physical, javacpp, offHeap);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
