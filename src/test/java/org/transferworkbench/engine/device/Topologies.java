package org.transferworkbench.engine.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Made-up device topologies, written the way ND4J's CUDA backend reports them. */
final class Topologies {
    static final long GB = 1_000_000_000L;

    private Topologies() {
    }

    /** ND4J's environment information for GPUs given as {name, total GB, free GB}. */
    static Map<String, Object> environment(Object[]... gpus) {
        List<Map<String, Object>> devices = new ArrayList<>();
        for (Object[] g : gpus) {
            devices.add(Map.of("cuda.deviceName", g[0], "cuda.totalMemory", (long) ((double) g[1] * GB),
                    "cuda.freeMemory", (long) ((double) g[2] * GB), "cuda.deviceMajor", 9L, "cuda.deviceMinor", 0L));
        }
        return Map.of("cuda.availableDevices", devices.size(), "cuda.devicesInformation", devices);
    }

    static DeviceTopology cuda(Object[]... gpus) {
        return DeviceTopology.of("JCublasBackend", environment(gpus), 0);
    }

    static Object[] gpu(String name, double totalGb, double freeGb) {
        return new Object[] {name, totalGb, freeGb};
    }
}
