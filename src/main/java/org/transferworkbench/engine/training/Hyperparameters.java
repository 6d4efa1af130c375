package org.transferworkbench.engine.training;

import org.transferworkbench.engine.model.OptimizationSettings;

/**
 * Every training setting that is not about the data or the network's shape. Validated on construction so that
 * nonsense is refused before any work starts.
 *
 * @param convLearningRateFactor multiplier of the learning rate for trainable convolution blocks (1 = same as the
 *                               head; smaller values give discriminative learning rates)
 * @param earlyStoppingPatience  epochs without improvement of validation accuracy before stopping; 0 disables
 * @param classWeights           weight the loss by inverse class frequency in the training split
 */
public record Hyperparameters(Optimizer optimizer, double learningRate, double momentum, int batchSize, int epochs,
                              double weightDecay, long seed, int earlyStoppingPatience,
                              double convLearningRateFactor, boolean classWeights) {

    public Hyperparameters {
        if (optimizer == null) {
            throw new IllegalArgumentException("An optimiser must be chosen.");
        }
        requireRange("Learning rate", learningRate, 0, 10, false);
        requireRange("Momentum", momentum, 0, 1, true);
        if (batchSize < 1 || batchSize > 4096) {
            throw new IllegalArgumentException("Batch size must be between 1 and 4096; got " + batchSize + ".");
        }
        if (epochs < 1 || epochs > 100_000) {
            throw new IllegalArgumentException("Epochs must be at least 1; got " + epochs + ".");
        }
        requireRange("Weight decay", weightDecay, 0, 1, true);
        if (earlyStoppingPatience < 0) {
            throw new IllegalArgumentException("Early-stopping patience cannot be negative; got "
                    + earlyStoppingPatience + ".");
        }
        requireRange("Convolution learning-rate factor", convLearningRateFactor, 0, 1, false);
    }

    private static void requireRange(String what, double v, double low, double high, boolean lowInclusive) {
        boolean ok = Double.isFinite(v) && (lowInclusive ? v >= low : v > low) && v <= high;
        if (!ok) {
            throw new IllegalArgumentException(what + " must be " + (lowInclusive ? "at least " : "greater than ")
                    + low + " and at most " + high + "; got " + v + ".");
        }
    }

    public static Hyperparameters defaults() {
        return new Hyperparameters(Optimizer.ADAM, 1e-3, 0.9, 16, 10, 0.0, 42, 5, 1.0, false);
    }

    public Hyperparameters withEpochs(int e) {
        return new Hyperparameters(optimizer, learningRate, momentum, batchSize, e, weightDecay, seed,
                earlyStoppingPatience, convLearningRateFactor, classWeights);
    }

    public Hyperparameters withSeed(long s) {
        return new Hyperparameters(optimizer, learningRate, momentum, batchSize, epochs, weightDecay, s,
                earlyStoppingPatience, convLearningRateFactor, classWeights);
    }

    public OptimizationSettings toOptimization(double[] lossWeights) {
        return new OptimizationSettings(
                optimizer.updater(learningRate, momentum),
                optimizer.updater(learningRate * convLearningRateFactor, momentum),
                weightDecay, seed, classWeights ? lossWeights : null);
    }
}
