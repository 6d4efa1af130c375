package org.transferworkbench.report.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.transferworkbench.engine.eval.EvaluationReport;
import org.transferworkbench.engine.experiment.Errors;
import org.transferworkbench.engine.stats.BootstrapSummary;
import org.transferworkbench.engine.stats.ClassIntervals;
import org.transferworkbench.engine.stats.ClassificationBootstrap;
import org.transferworkbench.engine.stats.LabelledOutcomes;
import org.transferworkbench.report.document.ReportBlock;
import org.transferworkbench.report.document.ReportSection;
import org.transferworkbench.report.figures.ConfusionFigure;

/**
 * The test split's figures with 95% bootstrap intervals over the test images, the per-class table and the
 * confusion matrix.
 */
final class EvaluationSection {
    static final String CONFUSION_PNG = "confusion-matrix.png";
    private static final int MAX_TABLE_CLASSES = 50;
    private static final int MAX_FIGURE_CLASSES = 40;

    private EvaluationSection() {
    }

    /** The bootstrap of the run's test predictions, or empty with the reason when it cannot be made. */
    record Intervals(Optional<BootstrapSummary> summary, String problem) {
        static Intervals of(RunFacts facts) {
            if (facts.predictions().isEmpty()) {
                return new Intervals(Optional.empty(), "The run has no test-predictions.csv, so no confidence "
                        + "intervals can be computed.");
            }
            try {
                LabelledOutcomes outcomes = LabelledOutcomes.read(facts.predictions().get(), facts.classNames());
                if (outcomes.size() == 0) {
                    return new Intervals(Optional.empty(), "test-predictions.csv holds no labelled test image.");
                }
                return new Intervals(Optional.of(ClassificationBootstrap.standard().estimate(outcomes)), null);
            } catch (IOException | RuntimeException e) {
                return new Intervals(Optional.empty(), "The confidence intervals could not be computed: "
                        + Errors.sentence(e));
            }
        }
    }

    static ReportSection of(RunFacts facts, Intervals intervals) {
        ReportSection.Builder b = ReportSection.builder("evaluation", "Test evaluation");
        if (facts.evaluation().isEmpty()) {
            return b.notice(facts.evaluationProblem()).build();
        }
        EvaluationReport r = facts.evaluation().get();
        b.paragraph("The best model (by validation accuracy) on the " + r.images() + " images of the held-out "
                + r.split() + " split. Intervals are 95 % percentile bootstrap intervals over the test images"
                + intervals.summary().map(s -> " (" + s.resamples() + " resamples)").orElse("") + ".");
        if (intervals.summary().isEmpty()) {
            b.notice(intervals.problem());
        }
        Optional<BootstrapSummary> s = intervals.summary();
        b.add(new ReportBlock.Table("Overall", List.of("measure", "value", "95 % CI"), List.of(
                List.of("accuracy", Fmt.decimal(r.accuracy()), s.map(x -> Fmt.range(x.accuracy())).orElse("–")),
                List.of("balanced accuracy", Fmt.decimal(r.balancedAccuracy()),
                        s.map(x -> Fmt.range(x.balancedAccuracy())).orElse("–")),
                List.of("macro-F1", Fmt.decimal(r.macroF1()), s.map(x -> Fmt.range(x.macroF1())).orElse("–")),
                List.of("mean loss", Fmt.decimal(r.loss()), "–"))));
        List<Integer> shown = shownClasses(r);
        if (shown.size() < r.classNames().size()) {
            b.notice("Of the " + r.classNames().size() + " output classes, only the " + shown.size()
                    + " that occur in the test split or among its predictions are listed.");
        }
        b.add(perClass(r, s, shown));
        b.add(confusion(r, shown));
        if (shown.size() <= MAX_FIGURE_CLASSES) {
            b.add(new ReportBlock.Figure(CONFUSION_PNG, "Confusion matrix of the test split (rows: actual class, "
                    + "columns: predicted class; shading: share of the row)",
                    ConfusionFigure.png(names(r, shown), counts(r, shown))));
        }
        return b.build();
    }

    /**
     * Every class, unless the output layer has far more classes than the data (the kept 1000-class ImageNet head):
     * then the classes that occur as actual or predicted class.
     */
    static List<Integer> shownClasses(EvaluationReport r) {
        int n = r.classNames().size();
        List<Integer> all = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            long predicted = 0;
            for (int a = 0; a < n; a++) {
                predicted += r.confusion()[a][c];
            }
            if (n <= MAX_TABLE_CLASSES || r.perClass().get(c).support() > 0 || predicted > 0) {
                all.add(c);
            }
        }
        return all;
    }

    private static List<String> names(EvaluationReport r, List<Integer> shown) {
        return shown.stream().map(r.classNames()::get).toList();
    }

    private static long[][] counts(EvaluationReport r, List<Integer> shown) {
        long[][] m = new long[shown.size()][shown.size()];
        for (int i = 0; i < shown.size(); i++) {
            for (int j = 0; j < shown.size(); j++) {
                m[i][j] = r.confusion()[shown.get(i)][shown.get(j)];
            }
        }
        return m;
    }

    private static ReportBlock.Table perClass(EvaluationReport r, Optional<BootstrapSummary> s, List<Integer> shown) {
        List<List<String>> rows = new ArrayList<>();
        for (int c : shown) {
            var m = r.perClass().get(c);
            int index = c;
            Optional<ClassIntervals> ci = s.map(BootstrapSummary::perClass)
                    .filter(l -> l.size() == r.perClass().size()).map(l -> l.get(index));
            rows.add(List.of(m.className(), Fmt.decimal(m.precision()),
                    ci.map(x -> Fmt.range(x.precision())).orElse("–"), Fmt.decimal(m.recall()),
                    ci.map(x -> Fmt.range(x.recall())).orElse("–"), Fmt.decimal(m.f1()),
                    ci.map(x -> Fmt.range(x.f1())).orElse("–"), Long.toString(m.support())));
        }
        return new ReportBlock.Table("Per class", List.of("class", "precision", "95 % CI", "recall", "95 % CI", "F1",
                "95 % CI", "support"), rows);
    }

    private static ReportBlock.Table confusion(EvaluationReport r, List<Integer> shown) {
        List<String> header = new ArrayList<>(List.of("actual \\ predicted"));
        header.addAll(names(r, shown));
        long[][] m = counts(r, shown);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            List<String> row = new ArrayList<>(List.of(r.classNames().get(shown.get(i))));
            for (long n : m[i]) {
                row.add(Long.toString(n));
            }
            rows.add(row);
        }
        return new ReportBlock.Table("Confusion matrix (rows: actual class, columns: predicted class)", header, rows);
    }
}
