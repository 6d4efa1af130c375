package org.transferworkbench.engine.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds images of one split to DL4J as minibatches: features float32 NCHW {@code [b, 3, s, s]} made by the
 * {@link ImagePreprocessor}, labels one-hot {@code [b, classes]}; the last batch may be smaller.
 *
 * <p>Two daemon threads decode and preprocess the next two batches while the network trains on the current one.
 * Resized images are cached (before augmentation) up to a byte budget. The order of each epoch depends only on
 * the seed and the epoch number ({@link #reset()} advances it), and so does every augmentation, so a run can be
 * repeated exactly. A file that no longer decodes is logged and left out of its batch instead of ending the epoch.
 * Each {@link DataSet} carries the relative paths of its images as example metadata, so predictions can be traced
 * back to files. Use from one thread; {@link #close()} stops the loader threads.
 */
public final class ImageBatchIterator implements DataSetIterator, AutoCloseable {
    public static final long DEFAULT_CACHE_BYTES = 512L * 1024 * 1024;
    static final int LOADER_THREADS = 2;
    static final int BATCHES_AHEAD = 2;
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ImageBatchIterator.class);

    private final transient Path root;
    private final List<SplitEntry> entries;
    private final List<String> classNames;
    private final Map<String, Integer> classIndex = new HashMap<>();
    private final transient ImagePreprocessor preprocessor;
    private final transient ImageAugmenter augmenter;
    private final int batchSize;
    private final long seed;
    private final boolean shuffle;
    private final transient ResizedImageCache cache;
    private final transient ExecutorService loaders;
    private final transient Deque<Future<LoadedBatch>> pending = new ArrayDeque<>();
    private final transient List<SplitEntry> failedEntries = new CopyOnWriteArrayList<>();
    private transient DataSetPreProcessor dataSetPreProcessor;

    private int epoch;
    private List<SplitEntry> order;
    private int nextBatchToLoad;
    private transient LoadedBatch ready;
    private List<SplitEntry> lastBatchEntries = List.of();
    private long epochStartNanos = -1;
    private long waitNanos;
    private boolean closed;

    public ImageBatchIterator(Path root, List<SplitEntry> entries, List<String> classNames, ImagePreprocessor pre,
                              int batchSize, AugmentationSettings aug, long seed, boolean shuffle) {
        this(root, entries, classNames, pre, batchSize, aug, seed, shuffle, DEFAULT_CACHE_BYTES);
    }

    /** @param cacheBytes memory for resized images kept between epochs; 0 disables the cache */
    public ImageBatchIterator(Path root, List<SplitEntry> entries, List<String> classNames, ImagePreprocessor pre,
                              int batchSize, AugmentationSettings aug, long seed, boolean shuffle, long cacheBytes) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("The batch size must be positive, got " + batchSize);
        }
        this.root = root;
        this.entries = List.copyOf(entries);
        this.classNames = List.copyOf(classNames);
        for (int i = 0; i < classNames.size(); i++) {
            classIndex.put(classNames.get(i), i);
        }
        for (SplitEntry entry : this.entries) {
            if (!classIndex.containsKey(entry.className())) {
                throw new IllegalArgumentException("Image " + entry.relativePath() + " has class '"
                        + entry.className() + "', which is not among " + classNames);
            }
        }
        this.preprocessor = pre;
        this.augmenter = aug.enabled() ? new ImageAugmenter(aug) : null;
        this.batchSize = batchSize;
        this.seed = seed;
        this.shuffle = shuffle;
        this.cache = new ResizedImageCache(cacheBytes);
        this.loaders = Executors.newFixedThreadPool(LOADER_THREADS, DaemonThreads.named("image-loader"));
        startEpoch(0);
    }

    @Override
    public boolean hasNext() {
        ensureOpen();
        if (ready != null) {
            return true;
        }
        while (true) {
            scheduleAhead();
            Future<LoadedBatch> next = pending.poll();
            if (next == null) {
                return false;
            }
            long start = System.nanoTime();
            if (epochStartNanos < 0) {
                epochStartNanos = start;
            }
            LoadedBatch batch = await(next);
            waitNanos += System.nanoTime() - start;
            scheduleAhead();
            if (batch.dataSet() != null) {
                ready = batch;
                return true;
            }
        }
    }

    @Override
    public DataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more batches in epoch " + epoch + "; call reset()");
        }
        LoadedBatch batch = ready;
        ready = null;
        lastBatchEntries = batch.entries();
        DataSet dataSet = batch.dataSet();
        if (dataSetPreProcessor != null) {
            dataSetPreProcessor.preProcess(dataSet);
        }
        return dataSet;
    }

    /** Batch sizes are fixed when loading ahead, so only {@code num == batch()} is supported. */
    @Override
    public DataSet next(int num) {
        if (num != batchSize) {
            throw new UnsupportedOperationException("This iterator loads batches of " + batchSize
                    + " ahead of time and cannot produce a batch of " + num);
        }
        return next();
    }

    /** Starts the next epoch: a new order derived from the seed and the epoch number, when shuffling. */
    @Override
    public void reset() {
        ensureOpen();
        startEpoch(epoch + 1);
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    /** False: loading is already asynchronous, and DL4J's async wrapper would add a second copy of every batch. */
    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public int inputColumns() {
        return preprocessor.tensorLength();
    }

    @Override
    public int totalOutcomes() {
        return classNames.size();
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public List<String> getLabels() {
        return classNames;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.dataSetPreProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return dataSetPreProcessor;
    }

    /** The image order of the current epoch (the entries order when not shuffling). */
    public List<SplitEntry> orderOfLastEpoch() {
        return order;
    }

    /** The images in the batch last returned by {@link #next()}, in row order; files that failed are absent. */
    public List<SplitEntry> entriesOfLastBatch() {
        return lastBatchEntries;
    }

    /** Files that could not be decoded while loading (they changed after the scan), across all epochs. */
    public List<SplitEntry> failedEntries() {
        return List.copyOf(failedEntries);
    }

    public int epoch() {
        return epoch;
    }

    /**
     * Share of the time since this epoch's first batch was requested that the consumer spent blocked, waiting for
     * images to load: near 0 means loading keeps up with training, near 1 means training waits on the disk or CPU.
     */
    public double waitFraction() {
        if (epochStartNanos < 0) {
            return 0;
        }
        long elapsed = System.nanoTime() - epochStartNanos;
        return elapsed <= 0 ? 0 : Math.min(1.0, (double) waitNanos / elapsed);
    }

    /** Stops the loader threads and drops the cache; the iterator cannot be used afterwards. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cancelPending();
        loaders.shutdownNow();
        try {
            if (!loaders.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Image loader threads did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cache.clear();
    }

    private void startEpoch(int newEpoch) {
        cancelPending();
        epoch = newEpoch;
        if (shuffle) {
            List<SplitEntry> shuffled = new ArrayList<>(entries);
            Collections.shuffle(shuffled, new Random(Seeds.derive(seed, newEpoch)));
            order = Collections.unmodifiableList(shuffled);
        } else {
            order = entries;
        }
        nextBatchToLoad = 0;
        ready = null;
        epochStartNanos = -1;
        waitNanos = 0;
    }

    private void scheduleAhead() {
        int batchCount = (order.size() + batchSize - 1) / batchSize;
        while (pending.size() < BATCHES_AHEAD && nextBatchToLoad < batchCount) {
            int batchIndex = nextBatchToLoad++;
            int from = batchIndex * batchSize;
            List<SplitEntry> slice = order.subList(from, Math.min(order.size(), from + batchSize));
            int batchEpoch = epoch;
            pending.add(loaders.submit(() -> load(batchEpoch, from, slice)));
        }
    }

    private LoadedBatch load(int batchEpoch, int firstPosition, List<SplitEntry> slice) {
        int length = preprocessor.tensorLength();
        int classes = classNames.size();
        float[] features = new float[slice.size() * length];
        float[] labels = new float[slice.size() * classes];
        List<SplitEntry> loaded = new ArrayList<>(slice.size());
        for (int i = 0; i < slice.size(); i++) {
            SplitEntry entry = slice.get(i);
            BufferedImage image;
            try {
                image = resized(entry);
            } catch (IOException e) {
                LOG.warn("Leaving out {}: {}", entry.relativePath(), e.getMessage());
                failedEntries.add(entry);
                continue;
            }
            if (augmenter != null) {
                image = augmenter.apply(image, new Random(Seeds.derive(seed, batchEpoch, firstPosition + i)));
            }
            int row = loaded.size();
            preprocessor.writeTensor(image, features, row * length);
            labels[row * classes + classIndex.get(entry.className())] = 1f;
            loaded.add(entry);
        }
        if (loaded.isEmpty()) {
            return new LoadedBatch(null, List.of());
        }
        int n = loaded.size();
        int side = preprocessor.inputSize();
        INDArray featureArray = Nd4j.create(n == slice.size() ? features : Arrays.copyOf(features, n * length),
                new long[] {n, 3, side, side}, 'c');
        INDArray labelArray = Nd4j.create(n == slice.size() ? labels : Arrays.copyOf(labels, n * classes),
                new long[] {n, classes}, 'c');
        DataSet dataSet = new DataSet(featureArray, labelArray);
        dataSet.setExampleMetaData(new ArrayList<>(loaded.stream().map(SplitEntry::relativePath).toList()));
        return new LoadedBatch(dataSet, List.copyOf(loaded));
    }

    private BufferedImage resized(SplitEntry entry) throws IOException {
        BufferedImage cached = cache.get(entry.relativePath());
        if (cached != null) {
            return cached;
        }
        BufferedImage resized = preprocessor.resize(ImageDecoder.readRgb(root.resolve(entry.relativePath())));
        cache.put(entry.relativePath(), resized);
        return resized;
    }

    private static LoadedBatch await(Future<LoadedBatch> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while loading images");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Loading a batch of images failed", e.getCause());
        }
    }

    private void cancelPending() {
        pending.forEach(future -> future.cancel(true));
        pending.clear();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("This image iterator has been closed");
        }
    }

    /** A loaded batch; {@code dataSet} is null when every image of the batch failed to load. */
    private record LoadedBatch(DataSet dataSet, List<SplitEntry> entries) {
    }
}
