package org.transferworkbench.engine.training;

import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.transferworkbench.engine.jobs.CancellationToken;

/** Minibatch by minibatch on the calling thread, so that a cancel takes effect at the next minibatch. */
final class SingleDeviceFitter implements EpochFitter {
    private final ComputationGraph model;
    private final CancellationToken cancel;
    private final TrainAccuracyProbe probe;

    SingleDeviceFitter(ComputationGraph model, CancellationToken cancel, String outputLayer, String outputInput) {
        this.model = model;
        this.cancel = cancel;
        this.probe = new TrainAccuracyProbe(outputLayer, outputInput);
        model.addListeners(probe);
    }

    @Override
    public void fitEpoch(DataSetIterator train, Consumer<MinibatchResult> done) {
        while (train.hasNext()) {
            cancel.throwIfCancelled();
            DataSet batch = train.next();
            model.fit(batch);
            int[] predicted = probe.takePredictions();
            done.accept(new MinibatchResult(batch.numExamples(), model.score(),
                    predicted == null ? 0 : TrainAccuracyProbe.correct(predicted, batch.getLabels()),
                    predicted != null));
        }
    }
}
