package org.transferworkbench.engine.device;

import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        if (backendClass.contains("Cuda") || backendClass.contains("Cublas")) {
            return "GPU: " + gpuSummary(environment);
        }
        String cpu = String.format(Locale.ROOT, "CPU: %s, %d threads", cpuModel, cpuThreads);
        return cudaInstalled ? cpu + " (the CUDA backend is installed but no usable NVIDIA GPU and driver were "
                + "found, so the CPU is used)" : cpu;
    }

    static String gpuSummary(Map<?, ?> environment) {
        Object devices = environment.get("cuda.devicesInformation");
        if (!(devices instanceof List<?> list) || list.isEmpty()) {
            return "CUDA device";
        }
        StringBuilder sb = new StringBuilder();
        for (Object o : list) {
            Map<?, ?> d = (Map<?, ?>) o;
            if (sb.length() > 0) {
                sb.append("; ");
            }
            Object name = d.get("cuda.deviceName");
            sb.append(name == null ? "GPU" : name);
            Object total = d.get("cuda.totalMemory");
            Object free = d.get("cuda.freeMemory");
            if (total instanceof Number t && free instanceof Number f) {
                sb.append(String.format(Locale.ROOT, " (%.1f GB, %.1f GB free)", t.doubleValue() / 1e9,
                        f.doubleValue() / 1e9));
            }
        }
        return list.size() > 1 ? list.size() + " GPUs: " + sb : sb.toString();
    }
}
