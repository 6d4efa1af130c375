package org.transferworkbench.engine.stats;

/** The three headline figures of a classification, as defined by engine.eval.EvaluationReport. */
public record EvaluationScores(double accuracy, double balancedAccuracy, double macroF1) {
}
