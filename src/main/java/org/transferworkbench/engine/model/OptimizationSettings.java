package org.transferworkbench.engine.model;

import org.nd4j.linalg.learning.config.IUpdater;

/**
 * What DL4J needs at graph-build time to train: it stores updaters and regularisation in the layer configurations.
 *
 * @param headUpdater  updater of the head (fully connected and output layers)
 * @param convUpdater  updater of trainable convolution blocks (a smaller learning rate gives discriminative rates)
 * @param weightDecay  decoupled weight decay coefficient on weights (not biases); 0 turns it off
 * @param classWeights per-class loss weights in class order, or null for an unweighted loss
 */
public record OptimizationSettings(IUpdater headUpdater, IUpdater convUpdater, double weightDecay, long seed,
                                   double[] classWeights) {
}
