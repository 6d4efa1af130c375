package org.transferworkbench.engine.training;

import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads the predicted classes of each training minibatch from the forward pass DL4J already does, instead of a
 * second forward pass. DL4J does not activate the output layer before computing the loss, so the probe applies the
 * output layer's affine map to its input (argmax of the logits equals argmax of the softmax).
 */
final class TrainAccuracyProbe extends BaseTrainingListener {
    private final String outputLayer;
    private final String outputInput;
    private volatile int[] lastPredictions;

    TrainAccuracyProbe(String outputLayer, String outputInput) {
        this.outputLayer = outputLayer;
        this.outputInput = outputInput;
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        lastPredictions = predict((ComputationGraph) model, outputLayer, outputInput, activations);
    }

    /** The predicted class of each example of the forward pass, or null when the output's input is not there. */
    static int[] predict(ComputationGraph graph, String outputLayer, String outputInput,
                         Map<String, INDArray> activations) {
        INDArray features = activations.get(outputInput);
        if (features == null) {
            return null;
        }
        INDArray w = graph.getLayer(outputLayer).getParam("W");
        INDArray b = graph.getLayer(outputLayer).getParam("b");
        INDArray logits = features.reshape(features.size(0), w.size(0)).mmul(w).addiRowVector(b);
        return logits.argMax(1).toIntVector();
    }

    /** Counts the predictions that match the one-hot labels. */
    static int correct(int[] predicted, INDArray labels) {
        int[] actual = labels.argMax(1).toIntVector();
        int correct = 0;
        for (int i = 0; i < actual.length && i < predicted.length; i++) {
            correct += predicted[i] == actual[i] ? 1 : 0;
        }
        return correct;
    }

    /** Predictions of the last forward pass, or null when none could be read. */
    int[] takePredictions() {
        int[] p = lastPredictions;
        lastPredictions = null;
        return p;
    }
}
