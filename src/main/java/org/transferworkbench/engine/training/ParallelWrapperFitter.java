package org.transferworkbench.engine.training;

import java.util.List;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.jobs.CancellationToken;

/**
 * Data-parallel training through DL4J's ParallelWrapper: each worker trains its own copy of the network on its
 * own minibatch (one worker per GPU), then parameters and optimiser state are averaged over the workers after
 * every round, so the copies never drift apart and the network this run saves is the averaged one.
 * <p>
 * Worker 0 trains the caller's network itself, so after each epoch the caller's network holds the averaged
 * parameters and optimiser state, and validation, checkpoints and early stopping work on it as usual. The other
 * copies are rebuilt from it at the start of every epoch (ParallelWrapper ends its workers after each pass).
 * Averaging after every round (rather than DL4J's thresholded gradient sharing) keeps the optimiser state
 * exact in checkpoints, at the price of one average per round; with N workers a round covers N minibatches.
 */
final class ParallelWrapperFitter implements EpochFitter {
    private static final Logger LOG = LoggerFactory.getLogger(ParallelWrapperFitter.class);

    private final ParallelWrapper wrapper;
    private final WorkerProbe probe;
    private final CancellationToken cancel;

    @SuppressWarnings({"rawtypes", "unchecked"})
    ParallelWrapperFitter(ComputationGraph model, int workers, CancellationToken cancel, String outputLayer,
                          String outputInput) {
        this.cancel = cancel;
        this.probe = new WorkerProbe(outputLayer, outputInput);
        // The builder moves the network's own listeners onto every worker; the Trainer restores them afterwards.
        model.setListeners(List.of());
        ParallelWrapper.Builder builder = new ParallelWrapper.Builder<>(model);
        this.wrapper = builder.workers(workers)
                .trainingMode(ParallelWrapper.TrainingMode.AVERAGING)
                .averagingFrequency(1)
                .averageUpdaters(true)
                .prefetchBuffer(0)
                .workspaceMode(model.getConfiguration().getTrainingWorkspaceMode())
                .build();
        wrapper.setListeners(probe);
        LOG.info("Data-parallel training with {} workers (ParallelWrapper, averaging after every round)", workers);
    }

    @Override
    public void fitEpoch(DataSetIterator train, Consumer<MinibatchResult> done) {
        wrapper.fit(new WrapperFeed(train, cancel, () -> probe.drain(done)));
        probe.drain(done);
    }

    @Override
    public void close() {
        wrapper.shutdown();
    }
}
