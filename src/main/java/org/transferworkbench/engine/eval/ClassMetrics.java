package org.transferworkbench.engine.eval;

/** Precision, recall and F1 of one class; NaN-free: an undefined ratio is reported as 0. */
public record ClassMetrics(String className, double precision, double recall, double f1, long support) {

    static ClassMetrics of(ConfusionMatrix m, int c) {
        long tp = m.count(c, c);
        long predicted = m.predictedCount(c);
        long support = m.support(c);
        double precision = predicted == 0 ? 0 : (double) tp / predicted;
        double recall = support == 0 ? 0 : (double) tp / support;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassMetrics(m.classNames().get(c), precision, recall, f1, support);
    }
}
