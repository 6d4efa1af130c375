package org.transferworkbench.ui.training;

/** Exponentially smoothed minibatch loss at one iteration since the run started. */
public record LossPoint(long iteration, double smoothedLoss) {
}
