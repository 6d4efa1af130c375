package org.transferworkbench.engine.device;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;

/**
 * The memory a training plan has to fit in, and where that memory is. On the CPU backend the network lives in
 * native memory, bounded by JavaCPP's limit (maxphysicalbytes, which also counts the Java heap); on the CUDA backend
 * it lives on the GPU, and with several GPUs every one of them holds a whole copy plus its own minibatch, so the
 * GPU with the least free memory decides.
 *
 * @param where         what the figure is, for the message ("free on GPU 0 (...)")
 * @param gpu           the device that decides, or null on the CPU
 */
public record MemoryBudget(long bytes, String where, GpuDevice gpu) {

    public static MemoryBudget unlimited() {
        return new MemoryBudget(Long.MAX_VALUE, "no native memory limit is set", null);
    }

    /** The budget of the running backend for {@code workers} training workers. */
    public static MemoryBudget current(int workers) {
        return forTraining(DeviceTopology.current(), workers, Pointer.maxPhysicalBytes(),
                Runtime.getRuntime().maxMemory());
    }

    /**
     * @param maxPhysicalBytes JavaCPP's limit on the whole process (0 or less: none)
     * @param heapBytes        the Java heap's maximum, which JavaCPP's limit includes
     */
    public static MemoryBudget forTraining(DeviceTopology topology, int workers, long maxPhysicalBytes,
                                           long heapBytes) {
        List<GpuDevice> gpus = topology.gpusFor(workers);
        if (topology.cudaBackend() && !gpus.isEmpty()) {
            GpuDevice tightest = gpus.stream().min(Comparator.comparingLong(GpuDevice::freeBytes)).orElseThrow();
            String where = gpus.size() == 1 ? "free on " + tightest.describe()
                    : String.format(Locale.ROOT, "free on %s, the fullest of the %d GPUs, each of which holds a "
                    + "whole copy of the network and its own minibatch", tightest.describe(), gpus.size());
            return new MemoryBudget(tightest.freeBytes(), where, tightest);
        }
        if (maxPhysicalBytes <= 0) {
            return unlimited();
        }
        return new MemoryBudget(Math.max(0, maxPhysicalBytes - heapBytes),
                "the native memory limit (org.bytedeco.javacpp.maxphysicalbytes) minus the Java heap", null);
    }

    /** What else to try when a plan does not fit, beyond the plan's own figures. */
    public String extraAdvice() {
        return gpu == null ? "" : "; other programs on the GPU count too (nvidia-smi lists them), and "
                + "--gpu-device N picks another GPU";
    }
}
