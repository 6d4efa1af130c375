package org.transferworkbench.engine.runs;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.transferworkbench.engine.io.AtomicFiles;
import org.transferworkbench.engine.training.EpochMetrics;

/** metrics.csv: one row per completed epoch. Rewritten whole and atomically after each epoch. */
public final class MetricsCsv {
    static final String VERSION_LINE = "transfer-workbench metrics v1";
    private static final String[] HEADER = {"epoch", "train_loss", "train_accuracy", "validation_loss",
        "validation_accuracy", "learning_rate", "seconds", "images_per_second"};
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setCommentMarker('#')
            .setHeader(HEADER).setSkipHeaderRecord(true).get();

    private MetricsCsv() {
    }

    public static void write(Path file, List<EpochMetrics> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeaderComments(VERSION_LINE)
                .setCommentMarker('#').setHeader(HEADER).get())) {
            for (EpochMetrics m : rows) {
                p.printRecord(m.epoch(), num(m.trainLoss()), num(m.trainAccuracy()), num(m.validationLoss()),
                        num(m.validationAccuracy()), num(m.learningRate()), num(m.seconds()),
                        num(m.imagesPerSecond()));
            }
        }
        AtomicFiles.writeString(file, out.toString());
    }

    public static List<EpochMetrics> read(Path file) throws IOException {
        List<EpochMetrics> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        try (Reader in = Files.newBufferedReader(file)) {
            for (CSVRecord r : FORMAT.parse(in)) {
                rows.add(new EpochMetrics(Integer.parseInt(r.get("epoch")), d(r, "train_loss"),
                        d(r, "train_accuracy"), d(r, "validation_loss"), d(r, "validation_accuracy"),
                        d(r, "learning_rate"), d(r, "seconds"), d(r, "images_per_second")));
            }
        }
        return rows;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static double d(CSVRecord r, String column) {
        String v = r.get(column);
        return v == null || v.isBlank() ? Double.NaN : Double.parseDouble(v);
    }
}
