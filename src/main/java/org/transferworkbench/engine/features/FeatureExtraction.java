package org.transferworkbench.engine.features;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.data.ImageBatchIterator;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;

/** Runs the frozen prefix once over a split's images and stores the result, or finds it already stored. */
public final class FeatureExtraction {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureExtraction.class);

    private FeatureExtraction() {
    }

    /** The outcome: the features, and whether they came from an earlier run. */
    public record Obtained(CachedFeatures features, boolean reused) { }

    /**
     * @param images unshuffled, un-augmented batches whose metadata names each image
     */
    public static Obtained obtain(FeatureStore store, String key, ComputationGraph prefix, DataSetIterator images,
                                  int expectedRows, int numClasses, ProgressReporter progress,
                                  CancellationToken cancel) throws IOException {
        Optional<CachedFeatures> existing = store.open(key);
        if (existing.isPresent()) {
            return new Obtained(existing.get(), true);
        }
        long start = System.nanoTime();
        List<String> paths = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        long[] shape = null;
        try (FeatureStore.Writer writer = store.writer(key)) {
            images.reset();
            while (images.hasNext()) {
                cancel.throwIfCancelled();
                DataSet batch = images.next();
                INDArray out = prefix.outputSingle(false, batch.getFeatures());
                shape = Arrays.copyOfRange(out.shape(), 1, out.rank());
                writer.append(out.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat());
                int[] y = batch.getLabels().argMax(1).toIntVector();
                List<Serializable> meta = batch.getExampleMetaData();
                for (int i = 0; i < y.length; i++) {
                    labels.add(y[i]);
                    paths.add(meta != null && i < meta.size() ? String.valueOf(meta.get(i)) : "#" + paths.size());
                }
                progress.report(paths.size(), expectedRows, "computing features of the frozen blocks");
            }
            if (shape == null) {
                throw new IOException("No images to compute features for.");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (images instanceof ImageBatchIterator loader) {
                LOG.info("Feature pass: {} images in {} s, waited for images {} of the time", paths.size(),
                        String.format(java.util.Locale.ROOT, "%.1f", seconds),
                        String.format(java.util.Locale.ROOT, "%.1f%%", 100 * loader.waitFraction()));
            }
            writer.commit(new FeatureFileHeader(FeatureCacheKey.FORMAT_VERSION, key, shape, paths,
                    labels.stream().mapToInt(Integer::intValue).toArray(), numClasses, seconds));
        }
        return new Obtained(store.open(key).orElseThrow(() -> new IOException("Feature cache vanished: " + key)),
                false);
    }
}
