package org.transferworkbench.engine.device;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which device the deep-learning backend runs on, in one line for people: the GPU with its memory, or the CPU,
 * and, when the CUDA backend was installed but no usable GPU was found, that the CPU is the fallback.
 * Reads ND4J's environment information generically so that no CUDA class is needed at compile time.
 */
public final class DeviceReport {
    static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

    private DeviceReport() {
    }

    /** Whether the build includes ND4J's CUDA backend (the -Pcuda profile, or ./run.sh --gpu). */
    public static boolean cudaBackendInstalled() {
        try {
            Class.forName(CUDA_BACKEND_CLASS, false, DeviceReport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * @param backendClass simple class name of the backend ND4J loaded
     * @param environment  ND4J's environment information (executioner.getEnvironmentInformation())
     * @param cpuModel     the processor's name
     */
    public static String describe(String backendClass, Map<?, ?> environment, boolean cudaInstalled,
                                  String cpuModel, int cpuThreads) {
        if (DeviceTopology.isCudaBackend(backendClass)) {
            return "GPU: " + gpuSummary(DeviceTopology.of(backendClass, environment, 0));
        }
        String cpu = String.format(Locale.ROOT, "CPU: %s, %d threads", cpuModel, cpuThreads);
        return cudaInstalled ? cpu + " (the CUDA backend is installed but no usable NVIDIA GPU and driver were "
                + "found, so the CPU is used)" : cpu;
    }

    static String gpuSummary(DeviceTopology topology) {
        if (topology.gpus().isEmpty()) {
            return "CUDA device";
        }
        String list = topology.gpus().stream().map(DeviceReport::oneGpu).collect(Collectors.joining("; "));
        return topology.gpuCount() > 1 ? topology.gpuCount() + " GPUs: " + list : list;
    }

    /** "NVIDIA H100 (80.0 GB, 79.0 GB free)", or the name alone when ND4J reported no memory figures. */
    static String oneGpu(GpuDevice gpu) {
        return gpu.totalBytes() <= 0 ? gpu.name() : String.format(Locale.ROOT, "%s (%.1f GB, %.1f GB free)",
                gpu.name(), gpu.totalBytes() / 1e9, gpu.freeBytes() / 1e9);
    }

    /**
     * The GPUs' memory for the window while a run trains: "GPU: NVIDIA H100 · 12.3 GB in use · 67.7 GB free", or
     * one such part per GPU when several are visible. In use counts every process on the device.
     */
    public static String memoryLine(DeviceTopology topology) {
        if (topology.gpus().isEmpty()) {
            return "GPU: CUDA device";
        }
        if (topology.gpuCount() == 1) {
            GpuDevice g = topology.gpus().get(0);
            return String.format(Locale.ROOT, "GPU: %s · %.1f GB in use · %.1f GB free", g.name(),
                    g.usedBytes() / 1e9, g.freeBytes() / 1e9);
        }
        return "GPUs: " + topology.gpus().stream().map(g -> String.format(Locale.ROOT,
                "%d %s %.1f GB in use, %.1f GB free", g.index(), g.name(), g.usedBytes() / 1e9, g.freeBytes() / 1e9))
                .collect(Collectors.joining(" · "));
    }
}
