package org.transferworkbench.engine.training;

/**
 * What one trained minibatch contributes to the epoch's figures.
 *
 * @param loss    the minibatch's mean loss (with regularisation), as DL4J scores it
 * @param correct training predictions that matched the label; meaningful only when {@code scored}
 * @param scored  whether the predictions could be read (false: the epoch's training accuracy stays unknown)
 */
public record MinibatchResult(int examples, double loss, int correct, boolean scored) {
}
