package org.transferworkbench.engine.features;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.transferworkbench.engine.training.SizedIterator;

/** Minibatches of cached features, shuffled per epoch from the seed, with each image's path as metadata. */
public final class CachedFeatureIterator implements DataSetIterator, SizedIterator {
    private final CachedFeatures features;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final List<String> labels;
    private int[] order;
    private int cursor;
    private int epoch;

    public CachedFeatureIterator(CachedFeatures features, List<String> labels, int batchSize, boolean shuffle,
                                 long seed) {
        this.features = features;
        this.labels = List.copyOf(labels);
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
        this.order = orderFor(0);
    }

    private int[] orderFor(int epochIndex) {
        int n = features.header().rows();
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        if (shuffle) {
            Random rng = new Random(seed * 31 + epochIndex);
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = o[i];
                o[i] = o[j];
                o[j] = t;
            }
        }
        return o;
    }

    @Override
    public DataSet next(int num) {
        FeatureFileHeader h = features.header();
        int b = Math.min(num, order.length - cursor);
        int width = (int) h.floatsPerRow();
        float[] x = new float[b * width];
        float[] y = new float[b * h.numClasses()];
        List<Serializable> paths = new ArrayList<>(b);
        try {
            for (int i = 0; i < b; i++) {
                int row = order[cursor + i];
                features.readRow(row, x, i * width);
                y[i * h.numClasses() + h.labels()[row]] = 1f;
                paths.add(h.paths().get(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cursor += b;
        long[] shape = new long[h.featureShape().length + 1];
        shape[0] = b;
        System.arraycopy(h.featureShape(), 0, shape, 1, h.featureShape().length);
        INDArray f = Nd4j.create(x, shape, 'c');
        DataSet ds = new DataSet(f, Nd4j.create(y, new long[] {b, h.numClasses()}, 'c').castTo(DataType.FLOAT));
        ds.setExampleMetaData(paths);
        return ds;
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public void reset() {
        cursor = 0;
        epoch++;
        order = orderFor(epoch);
    }

    @Override
    public int size() {
        return order.length;
    }

    @Override
    public int inputColumns() {
        return (int) features.header().floatsPerRow();
    }

    @Override
    public int totalOutcomes() {
        return features.header().numClasses();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        throw new UnsupportedOperationException("Cached features are already preprocessed.");
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return null;
    }

    @Override
    public List<String> getLabels() {
        return labels;
    }
}
