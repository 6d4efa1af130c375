package org.transferworkbench.bench;

import java.util.Locale;

/**
 * One measured case.
 *
 * @param caseName      infer, full, frozen, features (the cached case's prefix pass), cached-compact, cached-paper
 * @param flopsPerImage floating-point operations counted per image (2 per multiply-add)
 */
public record BenchResult(String conv, String model, int size, String caseName, int batch, StepTimes times,
                          double flopsPerImage, double sgemmGflops, MemoryPeak.Peak memory) {

    public static final String CSV_HEADER = "framework,conv,model,size,case,batch,iterations,img_s,gflops,"
            + "sgemm_gflops,heap_peak_mb,rss_peak_mb,javacpp_peak_mb,offheap_peak_mb,sec_median,sec_min,sec_max";

    public double imagesPerSecond() {
        return batch / times.median();
    }

    public double gflops() {
        return flopsPerImage * imagesPerSecond() / 1e9;
    }

    public String line() {
        return String.format(Locale.ROOT,
                "%-6s %3d px  %-14s b%-3d %8.2f img/s %7.1f GFLOP/s | sgemm %6.1f GFLOP/s | heap %5.2f GB"
                        + "  rss %5.2f GB  off-heap~ %5.2f GB | %.3f s/iter (min %.3f, max %.3f, n=%d) [%s]",
                model, size, caseName, batch, imagesPerSecond(), gflops(), sgemmGflops, memory.heapBytes() / 1e9,
                memory.physicalBytes() / 1e9, memory.offHeapBytes() / 1e9, times.median(), times.min(),
                times.max(), times.count(), conv);
    }

    public String csvRow() {
        return String.format(Locale.ROOT, "dl4j,%s,%s,%d,%s,%d,%d,%.3f,%.2f,%.2f,%.0f,%.0f,%.0f,%.0f,%.4f,%.4f,%.4f",
                conv, model, size, caseName, batch, times.count(), imagesPerSecond(), gflops(), sgemmGflops,
                memory.heapBytes() / 1e6, memory.physicalBytes() / 1e6, memory.javacppBytes() / 1e6,
                memory.offHeapBytes() / 1e6,
                times.median(), times.min(), times.max());
    }
}
