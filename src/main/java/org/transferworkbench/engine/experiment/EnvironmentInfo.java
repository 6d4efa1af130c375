package org.transferworkbench.engine.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;
import org.transferworkbench.engine.device.DeviceReport;

/** Versions and hardware recorded with each run, so a result can be traced and repeated. */
public final class EnvironmentInfo {
    public static final String DL4J_VERSION = "1.0.0-M2.1";

    private EnvironmentInfo() {
    }

    public static String workbenchVersion() {
        String v = EnvironmentInfo.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0";
    }

    public static Map<String, String> collect() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("workbench", workbenchVersion());
        m.put("deeplearning4j", DL4J_VERSION);
        m.put("nd4jBackend", Nd4j.getBackend().getClass().getSimpleName());
        m.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("cpuThreads", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("device", deviceDescription());
        m.put("memory", memoryDescription());
        return m;
    }

    /** "15.5 GiB RAM, Java heap limit 6.0 GiB, native (off-heap) limit 14.0 GiB": what bounded the run. */
    public static String memoryDescription() {
        StringBuilder sb = new StringBuilder();
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            sb.append(gib(sun.getTotalMemorySize())).append(" RAM, ");
        }
        sb.append("Java heap limit ").append(gib(Runtime.getRuntime().maxMemory()));
        long offHeap = org.bytedeco.javacpp.Pointer.maxPhysicalBytes();
        if (offHeap > 0) {
            sb.append(", native (off-heap) limit ").append(gib(offHeap));
        }
        return sb.toString();
    }

    private static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    /** "CPU: AMD EPYC ..., 2 threads" or the GPU's name and memory, for the window, the CLI and the reports. */
    public static String deviceDescription() {
        return DeviceReport.describe(Nd4j.getBackend().getClass().getSimpleName(),
                Nd4j.getExecutioner().getEnvironmentInformation(), DeviceReport.cudaBackendInstalled(), cpuModel(),
                Runtime.getRuntime().availableProcessors());
    }

    private static String cpuModel() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux, or not readable: fall through
        }
        return System.getProperty("os.arch");
    }
}
