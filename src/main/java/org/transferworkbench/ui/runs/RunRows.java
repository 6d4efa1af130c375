package org.transferworkbench.ui.runs;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunStatus;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.ui.fx.Formats;

/** Reads the run store into table rows (worker thread); runs whose files cannot be read are left out. */
final class RunRows {
    private static final Logger LOG = LoggerFactory.getLogger(RunRows.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private RunRows() {
    }

    static List<RunRow> read(RunStore store) throws IOException {
        List<RunRow> rows = new ArrayList<>();
        for (RunDirectory run : store.list()) {
            try {
                rows.add(row(run));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Skipping run {}: {}", run.id(), e.getMessage());
            }
        }
        return rows;
    }

    static RunRow row(RunDirectory run) throws IOException {
        RunStatus status = run.readStatus();
        RunConfig config = run.readConfig();
        Double best = Double.isNaN(status.bestValidationAccuracy()) ? null : status.bestValidationAccuracy();
        return new RunRow(run, config, config.name(), status.startedAt() == null ? "" : DATE.format(status.startedAt()),
                config.model().toUpperCase(Locale.ROOT) + " · " + config.inputSize() + " px · "
                        + config.head().name().toLowerCase(Locale.ROOT), config.freezePlan(), best,
                status.testAccuracy(), Formats.duration(status.duration()),
                run.effectiveState().name().toLowerCase(Locale.ROOT));
    }
}
