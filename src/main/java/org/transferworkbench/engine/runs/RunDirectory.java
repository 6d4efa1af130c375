package org.transferworkbench.engine.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.transferworkbench.engine.eval.EvaluationReport;
import org.transferworkbench.engine.io.Json;
import org.transferworkbench.engine.training.EpochMetrics;

/** One run's folder and the files in it. See the README's "Run store" section for what each file holds. */
public final class RunDirectory {
    public static final String CONFIG = "config.json";
    public static final String STATUS = "run.json";
    public static final String SPLIT = "split.csv";
    public static final String SKIPPED = "skipped.csv";
    public static final String METRICS = "metrics.csv";
    public static final String BEST_MODEL = "best-model.zip";
    public static final String CHECKPOINT = "checkpoint.zip";
    public static final String EVALUATION_JSON = "evaluation.json";
    public static final String EVALUATION_TEXT = "evaluation.txt";
    public static final String PREDICTIONS = "test-predictions.csv";
    public static final String LOG = "log.txt";
    static final String LOCK = ".lock";

    private final Path path;

    public RunDirectory(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public String id() {
        return path.getFileName().toString();
    }

    public Path file(String name) {
        return path.resolve(name);
    }

    public RunConfig readConfig() throws IOException {
        return Json.read(file(CONFIG), RunConfig.class);
    }

    public void writeConfig(RunConfig config) throws IOException {
        Json.writeAtomically(file(CONFIG), config);
    }

    public RunStatus readStatus() throws IOException {
        return Json.read(file(STATUS), RunStatus.class);
    }

    public void writeStatus(RunStatus status) throws IOException {
        Json.writeAtomically(file(STATUS), status);
    }

    /** The stored state, with a RUNNING run that no live process holds reported as INTERRUPTED. */
    public RunState effectiveState() throws IOException {
        RunState stored = readStatus().state();
        if (stored == RunState.RUNNING && !RunLock.isHeld(file(LOCK))) {
            return RunState.INTERRUPTED;
        }
        return stored;
    }

    public RunLock lock() throws IOException {
        return RunLock.acquire(file(LOCK));
    }

    public List<EpochMetrics> readMetrics() throws IOException {
        return MetricsCsv.read(file(METRICS));
    }

    public void writeMetrics(List<EpochMetrics> rows) throws IOException {
        MetricsCsv.write(file(METRICS), rows);
    }

    public Optional<EvaluationReport> readEvaluation() throws IOException {
        Path f = file(EVALUATION_JSON);
        return Files.exists(f) ? Optional.of(Json.read(f, EvaluationReport.class)) : Optional.empty();
    }

    public boolean hasBestModel() {
        return Files.isRegularFile(file(BEST_MODEL));
    }

    @Override
    public String toString() {
        return id();
    }
}
