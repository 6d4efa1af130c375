package org.transferworkbench.engine.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one evaluation: accuracy, balanced accuracy (mean recall over the classes present), macro F1,
 * mean loss, per-class metrics and the confusion matrix.
 */
public record EvaluationReport(int formatVersion, String split, long images, double loss, double accuracy,
                               double balancedAccuracy, double macroF1, List<ClassMetrics> perClass,
                               List<String> classNames, long[][] confusion) {

    public static final int FORMAT_VERSION = 1;

    public static EvaluationReport from(String split, ConfusionMatrix m, double meanLoss) {
        List<ClassMetrics> perClass = new ArrayList<>();
        double recallSum = 0;
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < m.classNames().size(); c++) {
            ClassMetrics cm = ClassMetrics.of(m, c);
            perClass.add(cm);
            f1Sum += cm.f1();
            if (cm.support() > 0) {
                recallSum += cm.recall();
                present++;
            }
        }
        long total = m.total();
        double accuracy = total == 0 ? 0 : (double) m.correct() / total;
        return new EvaluationReport(FORMAT_VERSION, split, total, meanLoss, accuracy,
                present == 0 ? 0 : recallSum / present, perClass.isEmpty() ? 0 : f1Sum / perClass.size(),
                perClass, m.classNames(), m.counts());
    }

    public ConfusionMatrix confusionMatrix() {
        return ConfusionMatrix.of(classNames, confusion);
    }

    /** The readable report written beside evaluation.json and printed by the CLI. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Evaluation on the %s split (%d images)%n", split, images));
        sb.append(String.format(Locale.ROOT, "accuracy %.4f   balanced accuracy %.4f   macro F1 %.4f   loss %.4f%n%n",
                accuracy, balancedAccuracy, macroF1, loss));
        int w = Math.max(10, classNames.stream().mapToInt(String::length).max().orElse(10));
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %9s %9s %9s %8s%n", "class", "precision", "recall", "F1",
                "support"));
        for (ClassMetrics c : perClass) {
            sb.append(String.format(Locale.ROOT, "%-" + w + "s %9.4f %9.4f %9.4f %8d%n", c.className(), c.precision(),
                    c.recall(), c.f1(), c.support()));
        }
        sb.append(String.format(Locale.ROOT, "%nconfusion matrix (rows: actual, columns: predicted)%n"));
        sb.append(String.format(Locale.ROOT, "%-" + w + "s", ""));
        for (String name : classNames) {
            sb.append(String.format(Locale.ROOT, " %" + Math.max(8, name.length()) + "s", name));
        }
        sb.append(System.lineSeparator());
        for (int i = 0; i < classNames.size(); i++) {
            sb.append(String.format(Locale.ROOT, "%-" + w + "s", classNames.get(i)));
            for (int j = 0; j < classNames.size(); j++) {
                sb.append(String.format(Locale.ROOT, " %" + Math.max(8, classNames.get(j).length()) + "d",
                        confusion[i][j]));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }
}
