package org.transferworkbench.engine.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The devices the deep-learning backend can train on: on the CUDA backend the visible GPUs with their memory, on
 * the CPU backend none. Built from ND4J's environment information, so the decisions that depend on it (how many
 * GPUs may train, which memory a plan must fit in) can be tested with made-up topologies.
 *
 * @param currentDevice the GPU that work on the calling thread goes to (ND4J pins each thread to one device)
 */
public record DeviceTopology(boolean cudaBackend, List<GpuDevice> gpus, int currentDevice) {
    static final String DEVICES_KEY = "cuda.devicesInformation";

    public DeviceTopology {
        gpus = List.copyOf(gpus);
        if (!gpus.isEmpty() && (currentDevice < 0 || currentDevice >= gpus.size())) {
            currentDevice = 0;
        }
    }

    public static DeviceTopology cpu() {
        return new DeviceTopology(false, List.of(), 0);
    }

    /** Samples the running backend now (free memory changes during training, so call again to refresh). */
    public static DeviceTopology current() {
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        if (!isCudaBackend(backend)) {
            return cpu();
        }
        Integer device = Nd4j.getAffinityManager().getDeviceForCurrentThread();
        return of(backend, Nd4j.getExecutioner().getEnvironmentInformation(), device == null ? 0 : device);
    }

    /**
     * @param backendClass simple class name of the backend ND4J loaded
     * @param environment  ND4J's environment information: on CUDA, "cuda.devicesInformation" is a list of maps
     *                     with cuda.deviceName, cuda.totalMemory and cuda.freeMemory, one per visible device
     */
    public static DeviceTopology of(String backendClass, Map<?, ?> environment, int currentDevice) {
        if (!isCudaBackend(backendClass)) {
            return cpu();
        }
        List<GpuDevice> gpus = new ArrayList<>();
        if (environment.get(DEVICES_KEY) instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> d) {
                    gpus.add(new GpuDevice(gpus.size(), d.get("cuda.deviceName") == null ? null
                            : d.get("cuda.deviceName").toString(), bytes(d.get("cuda.totalMemory")),
                            bytes(d.get("cuda.freeMemory"))));
                }
            }
        }
        return new DeviceTopology(true, gpus, currentDevice);
    }

    static boolean isCudaBackend(String backendClass) {
        return backendClass.contains("Cuda") || backendClass.contains("Cublas");
    }

    private static long bytes(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }

    public int gpuCount() {
        return gpus.size();
    }

    /** Data-parallel training needs the CUDA backend and at least two visible GPUs. */
    public boolean severalGpus() {
        return cudaBackend && gpus.size() > 1;
    }

    /** The GPU the calling thread trains on, or null on the CPU backend (or when ND4J reported no device). */
    public GpuDevice currentGpu() {
        return gpus.isEmpty() ? null : gpus.get(currentDevice);
    }

    /**
     * The GPUs that {@code workers} training threads use: ParallelWrapper puts worker i on device i modulo the
     * device count; a single worker stays on the calling thread's device.
     */
    public List<GpuDevice> gpusFor(int workers) {
        if (gpus.isEmpty()) {
            return List.of();
        }
        if (workers <= 1) {
            return List.of(currentGpu());
        }
        return gpus.subList(0, Math.min(workers, gpus.size()));
    }
}
