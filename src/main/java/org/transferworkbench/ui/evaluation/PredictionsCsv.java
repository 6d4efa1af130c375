package org.transferworkbench.ui.evaluation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the wrong answers from a run's test-predictions.csv, most confident first. */
final class PredictionsCsv {

    private PredictionsCsv() {
    }

    static List<Misclassified> misclassified(Path csv, Path datasetRoot) throws IOException {
        List<Misclassified> out = new ArrayList<>();
        if (!Files.exists(csv)) {
            return out;
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = format.parse(reader)) {
            for (CSVRecord r : parser) {
                if (!Boolean.parseBoolean(r.get("correct"))) {
                    out.add(new Misclassified(datasetRoot.resolve(r.get("relative_path")), r.get("actual"),
                            r.get("predicted"), Double.parseDouble(r.get("confidence"))));
                }
            }
        }
        out.sort(Comparator.comparingDouble(Misclassified::confidence).reversed());
        return out;
    }
}
