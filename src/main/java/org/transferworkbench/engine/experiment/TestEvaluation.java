package org.transferworkbench.engine.experiment;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.transferworkbench.engine.data.ImageBatchIterator;
import org.transferworkbench.engine.data.Split;
import org.transferworkbench.engine.data.SplitManifest;
import org.transferworkbench.engine.eval.EvaluationResult;
import org.transferworkbench.engine.eval.ImagePrediction;
import org.transferworkbench.engine.eval.ModelEvaluator;
import org.transferworkbench.engine.io.AtomicFiles;
import org.transferworkbench.engine.io.Json;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import org.transferworkbench.engine.runs.ModelFiles;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.runs.RunDirectory;

/** Evaluates a run's best model on its test split and writes evaluation.json, evaluation.txt and the predictions. */
public final class TestEvaluation {

    private TestEvaluation() {
    }

    /** Evaluates a stored run again, from its files alone. */
    public static EvaluationResult evaluate(RunDirectory run, ProgressReporter progress, CancellationToken cancel)
            throws IOException {
        RunConfig config = run.readConfig();
        SplitManifest split = SplitManifest.read(run.file(RunDirectory.SPLIT));
        return evaluate(run, config, split, null, progress, cancel);
    }

    /**
     * @param fallback the model to use when the run has no best model on disk (no epoch completed)
     */
    static EvaluationResult evaluate(RunDirectory run, RunConfig config, SplitManifest split,
                                     ComputationGraph fallback, ProgressReporter progress, CancellationToken cancel)
            throws IOException {
        ComputationGraph model = run.hasBestModel() ? ModelFiles.load(run.file(RunDirectory.BEST_MODEL), false)
                : fallback;
        if (model == null) {
            throw new IOException("Run " + run.id() + " has no saved model to evaluate.");
        }
        EvaluationResult result;
        try (ImageBatchIterator test = TrainingData.evaluationData(config, split, Split.TEST)) {
            result = ModelEvaluator.evaluate(model, test, split.classNames(), "test", progress, cancel);
        }
        Json.writeAtomically(run.file(RunDirectory.EVALUATION_JSON), result.report());
        AtomicFiles.writeString(run.file(RunDirectory.EVALUATION_TEXT), result.report().toText());
        writePredictions(run, result);
        return result;
    }

    private static void writePredictions(RunDirectory run, EvaluationResult result) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("relative_path", "actual", "predicted", "confidence", "correct").get())) {
            for (ImagePrediction ip : result.predictions()) {
                p.printRecord(ip.relativePath(), ip.actualClass(), ip.predictedClass(),
                        String.format(Locale.ROOT, "%.6f", ip.confidence()), ip.isCorrect());
            }
        }
        AtomicFiles.writeString(run.file(RunDirectory.PREDICTIONS), out.toString());
    }
}
