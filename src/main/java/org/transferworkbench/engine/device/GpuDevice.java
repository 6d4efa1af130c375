package org.transferworkbench.engine.device;

import java.util.Locale;

/**
 * One CUDA device as ND4J sees it. The index is ND4J's device number, which counts only the devices left visible
 * by {@code CUDA_VISIBLE_DEVICES}.
 *
 * @param freeBytes free memory on the whole device when it was sampled, including what other processes hold
 */
public record GpuDevice(int index, String name, long totalBytes, long freeBytes) {

    public GpuDevice {
        if (name == null || name.isBlank()) {
            name = "GPU " + index;
        }
        freeBytes = Math.max(0, Math.min(freeBytes, totalBytes));
    }

    public long usedBytes() {
        return totalBytes - freeBytes;
    }

    /** "GPU 0 (NVIDIA H100: 79.0 GB free of 80.0 GB)". */
    public String describe() {
        return String.format(Locale.ROOT, "GPU %d (%s: %.1f GB free of %.1f GB)", index, name, freeBytes / 1e9,
                totalBytes / 1e9);
    }
}
