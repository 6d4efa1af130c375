package org.transferworkbench.engine.training;

/**
 * Progress after one minibatch.
 *
 * @param iteration          1-based minibatch number within the epoch
 * @param globalIteration    minibatches since the run started
 * @param secondsRemaining   estimate for the whole run, from the mean pace so far; negative when unknown
 */
public record IterationProgress(int epoch, int totalEpochs, int iteration, int iterationsPerEpoch,
                                long globalIteration, double loss, double imagesPerSecond,
                                double secondsRemaining) {

    /** Fraction of the planned run that is done, 0..1. */
    public double fractionDone() {
        double perEpoch = iterationsPerEpoch <= 0 ? 0 : (double) iteration / iterationsPerEpoch;
        return Math.min(1.0, ((epoch - 1) + perEpoch) / totalEpochs);
    }
}
