package org.transferworkbench.engine.training;

/**
 * The figures of one finished epoch, as plotted and stored in metrics.csv.
 *
 * @param trainLoss     mean minibatch score during the epoch (loss plus regularisation, dropout active)
 * @param trainAccuracy accuracy of the training-mode forward passes of the epoch
 * @param seconds       wall time of the epoch including validation
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                           double validationAccuracy, double learningRate, double seconds, double imagesPerSecond) {
}
