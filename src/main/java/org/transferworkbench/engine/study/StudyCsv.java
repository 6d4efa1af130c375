package org.transferworkbench.engine.study;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.transferworkbench.engine.io.AtomicFiles;
import org.transferworkbench.engine.stats.BootstrapSummary;
import org.transferworkbench.engine.stats.Interval;
import org.transferworkbench.engine.stats.PairedDifference;
import org.transferworkbench.engine.stats.Spread;

/**
 * A study's figures as CSV for spreadsheets and papers, each file written atomically with a first comment line
 * naming its format and version ({@code # transfer-workbench study-table v1 study=<id>}).
 */
public final class StudyCsv {
    public static final int FORMAT_VERSION = 1;
    public static final String TABLE = "study-table.csv";
    public static final String RUNS = "study-runs.csv";
    public static final String CURVES = "study-curves.csv";
    public static final String COMPARISONS = "study-comparisons.csv";

    private StudyCsv() {
    }

    /** Writes all four files into {@code folder}; returns their paths. */
    public static List<Path> writeAll(StudyResults results, Path folder) throws IOException {
        List<Path> files = List.of(folder.resolve(TABLE), folder.resolve(RUNS), folder.resolve(CURVES),
                folder.resolve(COMPARISONS));
        writeTable(results, files.get(0));
        writeRuns(results, files.get(1));
        writeCurves(results, files.get(2));
        writeComparisons(results, files.get(3));
        return files;
    }

    /** Per arm: mean, sd, min, max of each test figure, the mean bootstrap interval, the best-validation epoch. */
    public static void writeTable(StudyResults results, Path file) throws IOException {
        write(file, "study-table", results.studyId(), p -> {
            p.printRecord("arm", "runs", "planned", "metric", "mean", "sd", "min", "max", "ci95_lower_mean",
                    "ci95_upper_mean");
            for (ArmSummary arm : results.arms()) {
                for (StudyMetric metric : StudyMetric.values()) {
                    Spread s = arm.spreads().get(metric);
                    Interval ci = arm.typicalInterval().get(metric);
                    p.printRecord(arm.arm(), arm.finished(), arm.planned(), key(metric), num(s.mean()), num(s.sd()),
                            num(s.min()), num(s.max()), ci == null ? "" : num(ci.lower()),
                            ci == null ? "" : num(ci.upper()));
                }
                Spread e = arm.bestEpoch();
                p.printRecord(arm.arm(), arm.finished(), arm.planned(), "best_validation_epoch", num(e.mean()),
                        num(e.sd()), num(e.min()), num(e.max()), "", "");
            }
        });
    }

    /** One row per finished repeat. */
    public static void writeRuns(StudyResults results, Path file) throws IOException {
        write(file, "study-runs", results.studyId(), p -> {
            p.printRecord("arm", "seed", "fold", "run", "test_accuracy", "accuracy_ci95_lower",
                    "accuracy_ci95_upper", "balanced_accuracy", "balanced_accuracy_ci95_lower",
                    "balanced_accuracy_ci95_upper", "macro_f1", "macro_f1_ci95_lower", "macro_f1_ci95_upper",
                    "best_validation_epoch", "epochs_trained");
            for (RepeatFigures r : results.repeats()) {
                BootstrapSummary b = r.bootstrap();
                p.printRecord(r.repeat().arm(), r.repeat().seed(), r.repeat().hasFold() ? r.repeat().fold() + 1 : "",
                        r.repeat().runId(), num(r.testAccuracy()), b == null ? "" : num(b.accuracy().lower()),
                        b == null ? "" : num(b.accuracy().upper()), num(r.balancedAccuracy()),
                        b == null ? "" : num(b.balancedAccuracy().lower()),
                        b == null ? "" : num(b.balancedAccuracy().upper()), num(r.macroF1()),
                        b == null ? "" : num(b.macroF1().lower()), b == null ? "" : num(b.macroF1().upper()),
                        r.bestEpoch(), r.curve().size());
            }
        });
    }

    /** The mean curves with their bands, to replot elsewhere. */
    public static void writeCurves(StudyResults results, Path file) throws IOException {
        write(file, "study-curves", results.studyId(), p -> {
            p.printRecord("arm", "curve", "epoch", "n", "mean", "sd", "min", "max");
            for (ArmSummary arm : results.arms()) {
                for (CurveKind kind : CurveKind.values()) {
                    for (CurveBand b : arm.curves().get(kind)) {
                        p.printRecord(arm.arm(), kind.name().toLowerCase(Locale.ROOT), b.epoch(), b.n(),
                                num(b.mean()), num(b.sd()), num(b.min()), num(b.max()));
                    }
                }
            }
        });
    }

    public static void writeComparisons(StudyResults results, Path file) throws IOException {
        write(file, "study-comparisons", results.studyId(), p -> {
            p.printRecord("arm_a", "arm_b", "metric", "pairs", "mean_difference_b_minus_a", "ci95_lower",
                    "ci95_upper", "p_value", "run_to_run_sd", "beyond_noise", "verdict");
            for (ArmComparison c : results.comparisons()) {
                PairedDifference d = c.difference();
                p.printRecord(c.armA(), c.armB(), key(c.metric()), d.n(), num(d.meanDifference()),
                        num(d.difference().lower()), num(d.difference().upper()), num(d.pValue()),
                        num(d.runToRunSd()), d.beyondNoise(), d.verdict());
            }
        });
    }

    static String key(StudyMetric metric) {
        return metric.name().toLowerCase(Locale.ROOT);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static void write(Path file, String kind, String studyId, Rows rows) throws IOException {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setRecordSeparator("\n")
                .setHeaderComments("transfer-workbench " + kind + " v" + FORMAT_VERSION + " study=" + studyId).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            rows.print(printer);
        }
        AtomicFiles.writeString(file, out.toString());
    }
}
