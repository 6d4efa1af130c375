package org.transferworkbench.engine.stats;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.transferworkbench.engine.eval.ConfusionMatrix;
import org.transferworkbench.engine.eval.EvaluationReport;
import org.transferworkbench.engine.eval.EvaluationResult;
import org.transferworkbench.engine.eval.ImagePrediction;

/**
 * The true and predicted class of every test image, by class index: what a bootstrap resamples.
 * Images whose true class is unknown cannot be scored and are left out.
 */
public record LabelledOutcomes(List<String> classNames, int[] actual, int[] predicted) {

    public LabelledOutcomes {
        classNames = List.copyOf(classNames);
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("Need one prediction per image: " + actual.length + " actual, "
                    + predicted.length + " predicted.");
        }
    }

    public int size() {
        return actual.length;
    }

    public static LabelledOutcomes from(EvaluationResult result) {
        List<String> names = result.report().classNames();
        List<int[]> pairs = new ArrayList<>();
        for (ImagePrediction p : result.predictions()) {
            if (p.actualClass() != null) {
                pairs.add(new int[] {indexOf(names, p.actualClass(), p.relativePath()),
                    indexOf(names, p.predictedClass(), p.relativePath())});
            }
        }
        return of(names, pairs);
    }

    /** Reads a run's test-predictions.csv (columns relative_path, actual, predicted, ...). */
    public static LabelledOutcomes read(Path testPredictionsCsv, List<String> classNames) throws IOException {
        List<int[]> pairs = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(testPredictionsCsv, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            if (!csv.getHeaderNames().containsAll(List.of("relative_path", "actual", "predicted"))) {
                throw new IOException(testPredictionsCsv + " is not a predictions file: it needs the columns "
                        + "relative_path, actual and predicted.");
            }
            for (CSVRecord r : csv) {
                String path = r.get("relative_path");
                pairs.add(new int[] {indexOf(classNames, r.get("actual"), path),
                    indexOf(classNames, r.get("predicted"), path)});
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(testPredictionsCsv + ": " + e.getMessage(), e);
        }
        return of(classNames, pairs);
    }

    public ConfusionMatrix confusion() {
        ConfusionMatrix m = new ConfusionMatrix(classNames);
        for (int i = 0; i < actual.length; i++) {
            m.add(actual[i], predicted[i]);
        }
        return m;
    }

    public EvaluationScores scores() {
        EvaluationReport r = EvaluationReport.from("test", confusion(), Double.NaN);
        return new EvaluationScores(r.accuracy(), r.balancedAccuracy(), r.macroF1());
    }

    private static LabelledOutcomes of(List<String> names, List<int[]> pairs) {
        int[] a = new int[pairs.size()];
        int[] p = new int[pairs.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = pairs.get(i)[0];
            p[i] = pairs.get(i)[1];
        }
        return new LabelledOutcomes(names, a, p);
    }

    private static int indexOf(List<String> names, String className, String image) {
        int i = names.indexOf(className);
        if (i < 0) {
            throw new IllegalArgumentException("image " + image + " names the class '" + className
                    + "', which is not one of " + names + ".");
        }
        return i;
    }
}
