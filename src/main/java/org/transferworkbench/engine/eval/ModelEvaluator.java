package org.transferworkbench.engine.eval;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;

/** Runs a model over labelled batches and collects loss, confusion matrix and per-image predictions. */
public final class ModelEvaluator {
    private static final double EPSILON = 1e-12;

    private ModelEvaluator() {
    }

    /**
     * @param data batches whose example metadata, when present, names each image (its relative path)
     */
    public static EvaluationResult evaluate(ComputationGraph model, DataSetIterator data, List<String> classNames,
                                            String splitName, ProgressReporter progress, CancellationToken cancel) {
        ConfusionMatrix matrix = new ConfusionMatrix(classNames);
        List<ImagePrediction> predictions = new ArrayList<>();
        double lossSum = 0;
        long seen = 0;
        data.reset();
        while (data.hasNext()) {
            cancel.throwIfCancelled();
            DataSet batch = data.next();
            INDArray probabilities = model.outputSingle(false, batch.getFeatures());
            double[][] probs = probabilities.toDoubleMatrix();
            int[] actual = batch.getLabels().argMax(1).toIntVector();
            List<Serializable> names = batch.getExampleMetaData();
            for (int i = 0; i < probs.length; i++) {
                int predicted = argMax(probs[i]);
                matrix.add(actual[i], predicted);
                lossSum -= Math.log(Math.max(probs[i][actual[i]], EPSILON));
                String name = names != null && i < names.size() ? String.valueOf(names.get(i)) : "#" + (seen + i);
                predictions.add(new ImagePrediction(name, classNames.get(actual[i]), classNames.get(predicted),
                        probs[i][predicted], probs[i]));
            }
            seen += probs.length;
            progress.report(seen, -1, "evaluating " + splitName);
        }
        double meanLoss = seen == 0 ? Double.NaN : lossSum / seen;
        return new EvaluationResult(EvaluationReport.from(splitName, matrix, meanLoss), predictions);
    }

    static int argMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
