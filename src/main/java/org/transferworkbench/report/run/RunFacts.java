package org.transferworkbench.report.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.transferworkbench.engine.data.SplitManifest;
import org.transferworkbench.engine.eval.EvaluationReport;
import org.transferworkbench.engine.experiment.Errors;
import org.transferworkbench.engine.io.Json;
import org.transferworkbench.engine.model.weights.WeightLoadReport;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunState;
import org.transferworkbench.engine.runs.RunStatus;
import org.transferworkbench.engine.training.EpochMetrics;

/**
 * What a run's folder says, read once for the report. Only config.json is required; every other file may be
 * missing or unreadable (a run stopped early, a folder copied in part), and the reason is kept so the report can
 * say so instead of failing.
 */
public record RunFacts(RunDirectory run, RunConfig config, Optional<RunStatus> status, RunState state,
                       List<EpochMetrics> epochs, Optional<SplitManifest> split, String splitProblem,
                       Optional<EvaluationReport> evaluation, String evaluationProblem, Optional<Path> predictions,
                       Optional<WeightLoadReport> weightLoad, long skippedFiles) {

    public static RunFacts read(RunDirectory run) throws IOException {
        if (!Files.isRegularFile(run.file(RunDirectory.CONFIG))) {
            throw new IOException(run.path() + " has no " + RunDirectory.CONFIG + "; it is not a run folder.");
        }
        RunConfig config = run.readConfig();
        Optional<RunStatus> status = optional(() -> run.readStatus(), run.file(RunDirectory.STATUS));
        RunState state = status.isEmpty() ? null : run.effectiveState();
        List<EpochMetrics> epochs = Files.exists(run.file(RunDirectory.METRICS)) ? readMetrics(run) : List.of();
        Optional<SplitManifest> split = Optional.empty();
        String splitProblem = null;
        try {
            split = Files.exists(run.file(RunDirectory.SPLIT))
                    ? Optional.of(SplitManifest.read(run.file(RunDirectory.SPLIT))) : Optional.empty();
            splitProblem = split.isEmpty() ? "The run folder has no " + RunDirectory.SPLIT + "." : null;
        } catch (IOException | RuntimeException e) {
            splitProblem = RunDirectory.SPLIT + " could not be read: " + Errors.sentence(e);
        }
        Optional<EvaluationReport> evaluation = Optional.empty();
        String evaluationProblem = null;
        try {
            evaluation = run.readEvaluation();
            evaluationProblem = evaluation.isEmpty() ? "This run has no test evaluation ("
                    + RunDirectory.EVALUATION_JSON + " is missing): it ended before testing. Run \"./run.sh evaluate "
                    + run.id() + "\" and write the report again." : null;
        } catch (IOException | RuntimeException e) {
            evaluationProblem = RunDirectory.EVALUATION_JSON + " could not be read: " + Errors.sentence(e);
        }
        Path predictions = run.file(RunDirectory.PREDICTIONS);
        Optional<WeightLoadReport> weights = optional(
                () -> Json.read(run.file(WeightLoadReport.FILE_NAME), WeightLoadReport.class),
                run.file(WeightLoadReport.FILE_NAME));
        return new RunFacts(run, config, status, state, epochs, split, splitProblem, evaluation, evaluationProblem,
                Files.isRegularFile(predictions) ? Optional.of(predictions) : Optional.empty(), weights,
                countSkipped(run.file(RunDirectory.SKIPPED)));
    }

    private interface Reader<T> {
        T read() throws IOException;
    }

    /** A file that may be absent; an unreadable one is treated like an absent one (the report says so). */
    private static <T> Optional<T> optional(Reader<T> reader, Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(reader.read());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<EpochMetrics> readMetrics(RunDirectory run) {
        try {
            return run.readMetrics();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Rows of skipped.csv, or -1 when the file is absent (older runs). */
    private static long countSkipped(Path csv) {
        if (!Files.isRegularFile(csv)) {
            return -1;
        }
        try (var in = Files.newBufferedReader(csv);
             var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .get().parse(in)) {
            return parser.stream().count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The class names of the evaluation when there is one (they index its matrix), else the configuration's. */
    public List<String> classNames() {
        return evaluation.map(EvaluationReport::classNames).orElse(config.classNames());
    }
}
