package org.transferworkbench.report.study;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.transferworkbench.engine.stats.PairedDifference;
import org.transferworkbench.engine.stats.Spread;
import org.transferworkbench.engine.study.ArmComparison;
import org.transferworkbench.engine.study.ArmSummary;
import org.transferworkbench.engine.study.StudyMetric;
import org.transferworkbench.engine.study.StudyResults;
import org.transferworkbench.report.BandKind;
import org.transferworkbench.report.StudyExport;
import org.transferworkbench.report.StudyFigure;
import org.transferworkbench.report.document.ReportBlock;
import org.transferworkbench.report.document.ReportSection;
import org.transferworkbench.report.run.Fmt;

/** The arms side by side, their paired comparisons with verdicts, and the mean curves with bands. */
final class StudyResultsSection {
    static final String FIGURE = "study-curves.png";

    private StudyResultsSection() {
    }

    static ReportSection of(StudyFacts facts, BandKind band) throws IOException {
        StudyResults r = facts.results();
        ReportSection.Builder b = ReportSection.builder("results", "Results");
        int finished = r.repeats().size();
        int planned = r.queue().repeats().size();
        if (finished < planned) {
            b.notice(String.format(Locale.ROOT, "Only %d of the %d planned repeats are finished and readable; the "
                    + "figures below cover those alone (see Repeats for what is missing).", finished, planned));
        }
        b.add(armTable(r)).paragraph("Each cell: mean ± sample sd over the arm's finished repeats, and in brackets "
                + "the typical 95% confidence interval (mean of the repeats' percentile bootstrap bounds over their "
                + "test images). Best epoch: the epoch of best validation accuracy, mean ± sd.");
        if (r.comparisons().isEmpty()) {
            b.notice(r.spec().arms().size() < 2 ? "The study has one arm, so there is nothing to compare."
                    : "No two arms have finished a repeat with the same seed (and fold) yet, so no paired "
                    + "comparison can be made.");
        } else {
            b.add(comparisonTable(r.comparisons()));
        }
        if (finished == 0) {
            return b.notice("No repeat has finished yet, so there are no curves to draw.").build();
        }
        byte[] png = new StudyFigure(r, band).png(StudyExport.WIDTH, StudyExport.HEIGHT);
        return b.add(new ReportBlock.Figure(FIGURE, "Learning curves: the mean over each arm's repeats, shaded "
                + band.label() + (band == BandKind.SD ? " (sample standard deviation)" : " (lowest to highest repeat)")
                + "; n in the legend is the number of repeats.", png)).build();
    }

    private static ReportBlock.Table armTable(StudyResults r) {
        List<List<String>> rows = new ArrayList<>();
        for (ArmSummary arm : r.arms()) {
            Spread best = arm.bestEpoch();
            rows.add(List.of(arm.arm(), arm.finished() + " of " + arm.planned(),
                    arm.describe(StudyMetric.ACCURACY), arm.describe(StudyMetric.BALANCED_ACCURACY),
                    arm.describe(StudyMetric.MACRO_F1), best.n() == 0 ? "–" : best.format(1)));
        }
        return new ReportBlock.Table("Test figures per arm", List.of("arm", "repeats", "accuracy",
                "balanced accuracy", "macro-F1", "best epoch"), rows);
    }

    private static ReportBlock.Table comparisonTable(List<ArmComparison> comparisons) {
        List<List<String>> rows = new ArrayList<>();
        for (ArmComparison c : comparisons) {
            PairedDifference d = c.difference();
            rows.add(List.of(c.armB() + " − " + c.armA(), c.metric().label(), Integer.toString(d.n()),
                    String.format(Locale.ROOT, "%+.3f", d.meanDifference()),
                    Double.isFinite(d.difference().lower()) ? String.format(Locale.ROOT, "%+.3f to %+.3f",
                            d.difference().lower(), d.difference().upper()) : "–",
                    Double.isFinite(d.pValue()) ? String.format(Locale.ROOT, "%.3g", d.pValue()) : "–",
                    Fmt.decimal(d.runToRunSd()), c.verdictNamed()));
        }
        return new ReportBlock.Table("Paired comparisons (B − A over repeats with the same seed and fold)",
                List.of("difference", "figure", "pairs", "mean", "95% CI", "p (paired t)", "run-to-run sd",
                        "verdict"), rows);
    }
}
