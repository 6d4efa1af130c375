package org.transferworkbench.engine.training;

import java.util.function.Consumer;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Trains the network on one pass over the training data, on one device or on several. Results of finished
 * minibatches reach {@code done} on the calling (training) thread, in the order they are collected.
 */
interface EpochFitter extends AutoCloseable {

    /**
     * Stops at the next minibatch (or round of minibatches) when cancelled, by returning or by throwing
     * {@link java.util.concurrent.CancellationException}; the caller checks the token afterwards either way.
     */
    void fitEpoch(DataSetIterator train, Consumer<MinibatchResult> done);

    @Override
    default void close() {
    }
}
