package org.transferworkbench.engine.training;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.FrozenLayerWithBackprop;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The per-minibatch figures of data-parallel training. ParallelWrapper gives the same listener instance to every
 * worker's copy of the network and calls it on the worker threads, so this one keeps each worker's predictions
 * in a thread-local and hands finished minibatches over through a queue, which the training thread drains.
 * Labels are read from the output layer in the backward-pass callback: DL4J sets them there just before, and the
 * minibatch's score has been computed by then too.
 */
final class WorkerProbe extends BaseTrainingListener {
    private final String outputLayer;
    private final String outputInput;
    private final ThreadLocal<int[]> predictions = new ThreadLocal<>();
    private final Queue<MinibatchResult> finished = new ConcurrentLinkedQueue<>();

    WorkerProbe(String outputLayer, String outputInput) {
        this.outputLayer = outputLayer;
        this.outputInput = outputInput;
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        predictions.set(TrainAccuracyProbe.predict((ComputationGraph) model, outputLayer, outputInput,
                activations));
    }

    @Override
    public void onBackwardPass(Model model) {
        int[] predicted = predictions.get();
        predictions.remove();
        Layer layer = ((ComputationGraph) model).getLayer(outputLayer);
        if (layer instanceof FrozenLayerWithBackprop frozen) {
            layer = frozen.getInsideLayer();
        }
        INDArray labels = layer instanceof IOutputLayer out ? out.getLabels() : null;
        int examples = labels == null ? model.batchSize() : (int) labels.size(0);
        boolean scored = predicted != null && labels != null;
        finished.add(new MinibatchResult(examples, model.score(),
                scored ? TrainAccuracyProbe.correct(predicted, labels) : 0, scored));
    }

    /** Hands over the minibatches finished so far; call on the training thread. */
    void drain(Consumer<MinibatchResult> done) {
        for (MinibatchResult r = finished.poll(); r != null; r = finished.poll()) {
            done.accept(r);
        }
    }
}
