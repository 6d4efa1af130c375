package org.transferworkbench.bench;

import java.nio.file.Path;
import java.util.List;
import org.transferworkbench.engine.model.VggVariant;

/**
 * What to measure.
 *
 * @param stock           DL4J's own convolution layer instead of the oneDNN one
 * @param largestBatchCap 0 = do not search the largest batch; else the batch at which the doubling stops
 * @param csv             where to append one row per case, or null
 */
public record BenchOptions(List<VggVariant> models, List<Integer> sizes, List<BenchCase> cases, int batch,
                           int iterations, int warmup, boolean stock, int largestBatchCap, long seed, Path csv) {

    public static final int CLASSES = 10;

    public BenchOptions {
        if (models.isEmpty() || sizes.isEmpty() || cases.isEmpty()) {
            throw new IllegalArgumentException("Give at least one model, one size and one case.");
        }
        if (batch < 1 || iterations < 1 || warmup < 0) {
            throw new IllegalArgumentException("Batch and iterations must be at least 1, warm-up at least 0.");
        }
        models = List.copyOf(models);
        sizes = List.copyOf(sizes);
        cases = List.copyOf(cases);
    }
}
