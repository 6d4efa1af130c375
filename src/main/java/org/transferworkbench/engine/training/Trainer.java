package org.transferworkbench.engine.training;

import java.util.List;
import java.util.concurrent.CancellationException;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.data.ImageBatchIterator;
import org.transferworkbench.engine.eval.EvaluationReport;
import org.transferworkbench.engine.eval.ModelEvaluator;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;

/**
 * The epoch loop: fits minibatch by minibatch so that cancellation takes effect at the next minibatch boundary,
 * validates after each epoch, tracks the best epoch and stops early when validation stops improving.
 * A cancelled epoch is discarded; every completed epoch has already been reported.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final ComputationGraph model;
    private final Hyperparameters hyper;
    private final List<String> classNames;
    private final TrainingListener listener;
    private final CancellationToken cancel;
    private final TrainAccuracyProbe probe;
    private long globalIteration;

    public Trainer(ComputationGraph model, Hyperparameters hyper, List<String> classNames, TrainingListener listener,
                   CancellationToken cancel) {
        this.model = model;
        this.hyper = hyper;
        this.classNames = classNames;
        this.listener = listener;
        this.cancel = cancel;
        String[] outputs = model.getConfiguration().getNetworkOutputs().toArray(new String[0]);
        String outputName = outputs[0];
        String inputOfOutput = model.getConfiguration().getVertexInputs().get(outputName).get(0);
        this.probe = new TrainAccuracyProbe(outputName, inputOfOutput);
    }

    /** The outcome of {@link #fit}. */
    public record Outcome(int epochsCompleted, int bestEpoch, boolean stoppedEarly, boolean cancelled) { }

    /**
     * @param firstEpoch 1 for a new run; the next epoch for a resumed one
     * @param stopping   the early-stopping state (fresh, or restored when resuming)
     */
    public Outcome fit(DataSetIterator train, DataSetIterator validation, int firstEpoch, EarlyStopping stopping) {
        List<org.deeplearning4j.optimize.api.TrainingListener> previous = new java.util.ArrayList<>(
                model.getListeners() == null ? List.of() : model.getListeners());
        model.addListeners(probe);
        long runStart = System.nanoTime();
        int lastCompleted = firstEpoch - 1;
        try {
            for (int epoch = firstEpoch; epoch <= hyper.epochs(); epoch++) {
                EpochMetrics metrics = runEpoch(epoch, firstEpoch, train, validation, runStart);
                lastCompleted = epoch;
                boolean improved = stopping.record(epoch, metrics.validationAccuracy(), metrics.validationLoss());
                listener.onEpochCompleted(metrics, model, improved);
                if (stopping.shouldStop(epoch) && epoch < hyper.epochs()) {
                    listener.onMessage("Early stopping: validation accuracy has not improved for "
                            + hyper.earlyStoppingPatience() + " epochs (best: epoch " + stopping.bestEpoch() + ").");
                    return new Outcome(lastCompleted, stopping.bestEpoch(), true, false);
                }
            }
            return new Outcome(lastCompleted, stopping.bestEpoch(), false, false);
        } catch (CancellationException e) {
            LOG.info("Training cancelled after {} completed epochs", lastCompleted);
            return new Outcome(lastCompleted, stopping.bestEpoch(), false, true);
        } finally {
            model.setListeners(previous);
        }
    }

    private EpochMetrics runEpoch(int epoch, int firstEpoch, DataSetIterator train, DataSetIterator validation,
                                  long runStart) {
        long start = System.nanoTime();
        train.reset();
        double lossSum = 0;
        long correct = 0;
        long examples = 0;
        long scoredExamples = 0;
        int iteration = 0;
        int iterationsPerEpoch = estimateIterations(train);
        while (train.hasNext()) {
            cancel.throwIfCancelled();
            DataSet batch = train.next();
            int n = batch.numExamples();
            model.fit(batch);
            iteration++;
            globalIteration++;
            examples += n;
            lossSum += model.score() * n;
            int[] predicted = probe.takePredictions();
            if (predicted != null) {
                int[] actual = batch.getLabels().argMax(1).toIntVector();
                for (int i = 0; i < actual.length; i++) {
                    correct += predicted[i] == actual[i] ? 1 : 0;
                }
                scoredExamples += n;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            listener.onIteration(new IterationProgress(epoch, hyper.epochs(), iteration,
                    Math.max(iteration, iterationsPerEpoch), globalIteration,
                    model.score(), examples / Math.max(seconds, 1e-9),
                    remainingSeconds(runStart, epoch, firstEpoch, iteration, iterationsPerEpoch)));
        }
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        if (train instanceof ImageBatchIterator images) {
            // near 0: decoding keeps up with training; near 1: training waits for images (see docs/PERFORMANCE.md)
            LOG.info("Epoch {}: training waited for images {} of the time ({} images/s)", epoch,
                    String.format(java.util.Locale.ROOT, "%.1f%%", 100 * images.waitFraction()),
                    String.format(java.util.Locale.ROOT, "%.1f", examples / Math.max(trainSeconds, 1e-9)));
        }
        cancel.throwIfCancelled();
        EvaluationReport val = ModelEvaluator.evaluate(model, validation, classNames, "validation",
                ProgressReporter.silent(), cancel).report();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EpochMetrics(epoch, lossSum / Math.max(1, examples),
                scoredExamples == 0 ? Double.NaN : (double) correct / scoredExamples,
                val.loss(), val.accuracy(), hyper.learningRate(), seconds, examples / Math.max(trainSeconds, 1e-9));
    }

    private static int estimateIterations(DataSetIterator it) {
        if (it instanceof SizedIterator s) {
            return (int) Math.ceil((double) s.size() / it.batch());
        }
        return -1;
    }

    private double remainingSeconds(long runStart, int epoch, int firstEpoch, int iteration, int perEpoch) {
        if (perEpoch <= 0) {
            return -1;
        }
        double doneEpochs = (epoch - firstEpoch) + (double) iteration / perEpoch;
        double elapsed = (System.nanoTime() - runStart) / 1e9;
        double remainingEpochs = (hyper.epochs() - firstEpoch + 1) - doneEpochs;
        return doneEpochs <= 0 ? -1 : elapsed / doneEpochs * remainingEpochs;
    }
}
