package org.transferworkbench.report.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.engine.study.RepeatFigures;
import org.transferworkbench.engine.study.RepeatState;
import org.transferworkbench.engine.study.StudyAggregator;
import org.transferworkbench.engine.study.StudyFolder;
import org.transferworkbench.engine.study.StudyRepeat;
import org.transferworkbench.engine.study.StudyResults;
import org.transferworkbench.report.run.RunFacts;

/**
 * What a study's folder and its runs say, read once for the report: the aggregated results and, per repeat that
 * has a run folder, that run's facts (configuration, split, environment, weights). A run folder that is gone or
 * unreadable is simply absent here; the report lists such repeats as missing.
 */
record StudyFacts(StudyFolder study, StudyResults results, Map<Integer, RunFacts> runs) {
    private static final Logger LOG = LoggerFactory.getLogger(StudyFacts.class);

    static StudyFacts read(StudyFolder study, RunStore store, StudyAggregator aggregator) throws IOException {
        StudyResults results = aggregator.aggregate(study, store);
        Map<Integer, RunFacts> runs = new LinkedHashMap<>();
        for (StudyRepeat repeat : results.queue().repeats()) {
            if (repeat.runId() == null) {
                continue;
            }
            Path folder = store.root().resolve(repeat.runId());
            if (!Files.isRegularFile(folder.resolve(RunDirectory.CONFIG))) {
                continue;
            }
            try {
                runs.put(repeat.index(), RunFacts.read(new RunDirectory(folder)));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Run {} of repeat {} could not be read for the report", repeat.runId(), repeat.describe(), e);
            }
        }
        return new StudyFacts(study, results, Map.copyOf(runs));
    }

    Optional<RunFacts> run(StudyRepeat repeat) {
        return Optional.ofNullable(runs.get(repeat.index()));
    }

    /** The figures of a repeat that finished and could be read; empty for every other repeat. */
    Optional<RepeatFigures> figures(StudyRepeat repeat) {
        return results.repeats().stream().filter(f -> f.repeat().index() == repeat.index()).findFirst();
    }

    /** A run that stands for the arm: its first finished one, else its first with a readable folder. */
    Optional<RunFacts> representative(String arm) {
        return results.queue().forArm(arm).stream()
                .sorted(java.util.Comparator.comparing((StudyRepeat r) -> r.state() != RepeatState.SUCCEEDED))
                .map(this::run).flatMap(Optional::stream).findFirst();
    }

    /** A run that stands for the whole study (dataset, software, hardware): the first arm's, else any arm's. */
    Optional<RunFacts> representative() {
        return results.spec().arms().stream().map(a -> representative(a.label())).flatMap(Optional::stream)
                .findFirst();
    }

    String name() {
        return results.spec().name();
    }
}
