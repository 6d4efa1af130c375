package org.transferworkbench.engine.training;

import java.util.List;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.transferworkbench.engine.jobs.CancellationToken;

/**
 * The training data as ParallelWrapper reads it. ParallelWrapper pulls minibatches on the calling thread (no
 * prefetch: {@link #asyncSupported()} is false), which makes this the one place where the training thread gets
 * control during an epoch: before each minibatch it runs {@code beforeEachBatch} (which reports the minibatches
 * the workers have finished) and once cancelled it reports the data as exhausted, so the epoch ends after the
 * round in flight.
 */
final class WrapperFeed implements DataSetIterator {
    private final DataSetIterator source;
    private final CancellationToken cancel;
    private final Runnable beforeEachBatch;

    WrapperFeed(DataSetIterator source, CancellationToken cancel, Runnable beforeEachBatch) {
        this.source = source;
        this.cancel = cancel;
        this.beforeEachBatch = beforeEachBatch;
    }

    @Override
    public boolean hasNext() {
        return !cancel.isCancelled() && source.hasNext();
    }

    @Override
    public DataSet next() {
        beforeEachBatch.run();
        return source.next();
    }

    @Override
    public DataSet next(int num) {
        beforeEachBatch.run();
        return source.next(num);
    }

    @Override
    public int inputColumns() {
        return source.inputColumns();
    }

    @Override
    public int totalOutcomes() {
        return source.totalOutcomes();
    }

    @Override
    public boolean resetSupported() {
        return source.resetSupported();
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        source.reset();
    }

    @Override
    public int batch() {
        return source.batch();
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        source.setPreProcessor(preProcessor);
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return source.getPreProcessor();
    }

    @Override
    public List<String> getLabels() {
        return source.getLabels();
    }
}
