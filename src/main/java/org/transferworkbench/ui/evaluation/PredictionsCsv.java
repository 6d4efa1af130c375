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

/** Reads a run's test-predictions.csv into the answers worth looking at first. */
final class PredictionsCsv {

    /**
     * @param wrong the misclassified images, most confident first (confidently wrong is the worst kind)
     * @param right the correctly classified ones, least confident first (right by a whisker is worth a look, and
     *              Grad-CAM shows whether a right answer came from the object or from its surroundings)
     */
    record Answers(List<TestPrediction> wrong, List<TestPrediction> right) {
        static final Answers NONE = new Answers(List.of(), List.of());
    }

    private PredictionsCsv() {
    }

    static Answers read(Path csv, Path datasetRoot) throws IOException {
        if (!Files.exists(csv)) {
            return Answers.NONE;
        }
        List<TestPrediction> wrong = new ArrayList<>();
        List<TestPrediction> right = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = format.parse(reader)) {
            for (CSVRecord r : parser) {
                TestPrediction p = new TestPrediction(datasetRoot.resolve(r.get("relative_path")), r.get("actual"),
                        r.get("predicted"), Double.parseDouble(r.get("confidence")));
                (Boolean.parseBoolean(r.get("correct")) ? right : wrong).add(p);
            }
        }
        wrong.sort(Comparator.comparingDouble(TestPrediction::confidence).reversed());
        right.sort(Comparator.comparingDouble(TestPrediction::confidence));
        return new Answers(List.copyOf(wrong), List.copyOf(right));
    }
}
