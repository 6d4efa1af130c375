package org.transferworkbench.engine.training;

import java.util.List;
import java.util.concurrent.CancellationException;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.data.ImageBatchIterator;
import org.transferworkbench.engine.eval.EvaluationReport;
import org.transferworkbench.engine.eval.ModelEvaluator;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;

/**
 * The epoch loop: fits minibatch by minibatch (or, with several workers, round by round) so that cancellation
 * takes effect at the next minibatch boundary, validates after each epoch, tracks the best epoch and stops early when validation stops improving.
 * A cancelled epoch is discarded; every completed epoch has already been reported.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final ComputationGraph model;
    private final Hyperparameters hyper;
    private final List<String> classNames;
    private final TrainingListener listener;
    private final CancellationToken cancel;
    private final DataParallelism parallelism;
    private final String outputName;
    private final String inputOfOutput;
    private long globalIteration;

    public Trainer(ComputationGraph model, Hyperparameters hyper, List<String> classNames, TrainingListener listener,
                   CancellationToken cancel) {
        this(model, hyper, classNames, listener, cancel, DataParallelism.SINGLE);
    }

    /** @param parallelism more than one worker trains through ParallelWrapper (see {@link ParallelWrapperFitter}) */
    public Trainer(ComputationGraph model, Hyperparameters hyper, List<String> classNames, TrainingListener listener,
                   CancellationToken cancel, DataParallelism parallelism) {
        this.model = model;
        this.hyper = hyper;
        this.classNames = classNames;
        this.listener = listener;
        this.cancel = cancel;
        this.parallelism = parallelism;
        this.outputName = model.getConfiguration().getNetworkOutputs().get(0);
        this.inputOfOutput = model.getConfiguration().getVertexInputs().get(outputName).get(0);
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
        long runStart = System.nanoTime();
        int lastCompleted = firstEpoch - 1;
        try (EpochFitter fitter = parallelism.parallel()
                ? new ParallelWrapperFitter(model, parallelism.workers(), cancel, outputName, inputOfOutput)
                : new SingleDeviceFitter(model, cancel, outputName, inputOfOutput)) {
            for (int epoch = firstEpoch; epoch <= hyper.epochs(); epoch++) {
                EpochMetrics metrics = runEpoch(fitter, epoch, firstEpoch, train, validation, runStart);
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

    private EpochMetrics runEpoch(EpochFitter fitter, int epoch, int firstEpoch, DataSetIterator train,
                                  DataSetIterator validation, long runStart) {
        long start = System.nanoTime();
        train.reset();
        int iterationsPerEpoch = estimateIterations(train);
        EpochTally tally = new EpochTally();
        fitter.fitEpoch(train, batch -> {
            tally.add(batch);
            globalIteration++;
            double seconds = (System.nanoTime() - start) / 1e9;
            listener.onIteration(new IterationProgress(epoch, hyper.epochs(), tally.iterations,
                    Math.max(tally.iterations, iterationsPerEpoch), globalIteration, batch.loss(),
                    tally.examples / Math.max(seconds, 1e-9),
                    remainingSeconds(runStart, epoch, firstEpoch, tally.iterations, iterationsPerEpoch)));
        });
        long examples = tally.examples;
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
        return new EpochMetrics(epoch, tally.lossSum / Math.max(1, examples),
                tally.scoredExamples == 0 ? Double.NaN : (double) tally.correct / tally.scoredExamples,
                val.loss(), val.accuracy(), hyper.learningRate(), seconds, examples / Math.max(trainSeconds, 1e-9));
    }

    /** Running sums of one epoch's minibatches. */
    private static final class EpochTally {
        int iterations;
        long examples;
        double lossSum;
        long correct;
        long scoredExamples;

        void add(MinibatchResult batch) {
            iterations++;
            examples += batch.examples();
            lossSum += batch.loss() * batch.examples();
            if (batch.scored()) {
                correct += batch.correct();
                scoredExamples += batch.examples();
            }
        }
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
