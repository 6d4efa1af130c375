package org.transferworkbench.engine.eval;

import java.util.List;

/** An evaluation's figures and the per-image answers behind them. */
public record EvaluationResult(EvaluationReport report, List<ImagePrediction> predictions) {

    /** Wrong answers, the most confident first: the ones most worth a look. */
    public List<ImagePrediction> misclassified() {
        return predictions.stream().filter(p -> !p.isCorrect())
                .sorted((a, b) -> Double.compare(b.confidence(), a.confidence())).toList();
    }
}
