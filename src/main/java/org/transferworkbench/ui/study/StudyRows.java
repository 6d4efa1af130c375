package org.transferworkbench.ui.study;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.study.RepeatState;
import org.transferworkbench.engine.study.StudyFolder;
import org.transferworkbench.engine.study.StudyQueue;
import org.transferworkbench.engine.study.StudySpec;
import org.transferworkbench.engine.study.StudyStore;

/** Reads the study store into table rows (on a worker: it reads every study's files). */
final class StudyRows {
    private static final Logger LOG = LoggerFactory.getLogger(StudyRows.class);

    private StudyRows() {
    }

    static List<StudyRow> read(StudyStore store) throws IOException {
        List<StudyRow> rows = new ArrayList<>();
        for (StudyFolder folder : store.list()) {
            try {
                rows.add(row(folder));
            } catch (IOException | RuntimeException e) {
                // one damaged study must not hide the others
                LOG.warn("Skipping study {}: {}", folder.id(), e.getMessage());
            }
        }
        return rows;
    }

    static StudyRow row(StudyFolder folder) throws IOException {
        StudySpec spec = folder.readSpec();
        StudyQueue queue = folder.readQueue();
        long succeeded = queue.count(RepeatState.SUCCEEDED);
        int planned = queue.repeats().size();
        return new StudyRow(folder, spec.name(), spec.arms().size(), succeeded, planned,
                state(folder.isRunning(), succeeded, planned, queue.count(RepeatState.FAILED)));
    }

    static String state(boolean running, long succeeded, int planned, long failed) {
        if (running) {
            return "running";
        }
        if (succeeded == planned) {
            return "complete";
        }
        return failed > 0 && succeeded + failed == planned ? "complete, " + failed + " failed" : "stopped";
    }
}
