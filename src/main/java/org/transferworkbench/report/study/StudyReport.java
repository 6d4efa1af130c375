package org.transferworkbench.report.study;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.transferworkbench.engine.experiment.EnvironmentInfo;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.engine.study.StudyAggregator;
import org.transferworkbench.engine.study.StudyFolder;
import org.transferworkbench.report.BandKind;
import org.transferworkbench.report.document.ReportBlock;
import org.transferworkbench.report.document.ReportDocument;
import org.transferworkbench.report.document.ReportSection;
import org.transferworkbench.report.run.EnvironmentSection;
import org.transferworkbench.report.run.RunFacts;
import org.transferworkbench.report.run.RunReport;

/**
 * Builds the methods report of a study: the run report's dataset and environment sections, from one of its runs,
 * around the study's own design, results and repeats. Works on an unfinished study too; it says what is missing.
 */
public final class StudyReport {
    static final int STEPS = 4;

    private StudyReport() {
    }

    public static ReportDocument build(StudyFolder study, RunStore store, BandKind band, ProgressReporter progress,
                                       CancellationToken cancel) throws IOException {
        progress.report(0, STEPS, "reading study " + study.id() + " and its runs (bootstrap intervals per repeat)");
        StudyFacts facts = StudyFacts.read(study, store, StudyAggregator.standard());
        cancel.throwIfCancelled();
        progress.report(1, STEPS, "drawing the mean curves");
        ReportSection results = StudyResultsSection.of(facts, band);
        cancel.throwIfCancelled();
        progress.report(2, STEPS, "assembling the report");
        List<ReportSection> sections = List.of(
                StudyMethodsSection.of(facts),
                StudyDesignSection.of(facts),
                StudyDesignSection.dataset(facts),
                results,
                StudyRepeatsSection.of(facts),
                environment(facts));
        return new ReportDocument(RunReport.TITLE, "Study " + study.id() + " (" + facts.name() + ")", Instant.now(),
                "Transfer Workbench " + EnvironmentInfo.workbenchVersion(), sections);
    }

    /** The run report's environment section, from one run, with a notice where the runs recorded different ones. */
    static ReportSection environment(StudyFacts facts) {
        Optional<RunFacts> run = facts.representative();
        if (run.isEmpty()) {
            return ReportSection.builder("environment", "Software and hardware")
                    .notice("No run of this study has started yet, so no software or hardware is recorded.").build();
        }
        ReportSection env = EnvironmentSection.of(run.get());
        List<ReportBlock> blocks = new ArrayList<>();
        blocks.add(new ReportBlock.Paragraph("From run " + run.get().run().id() + "; every run of the study records "
                + "its own in its config.json."));
        TreeSet<String> differing = differingKeys(facts);
        if (!differing.isEmpty()) {
            blocks.add(new ReportBlock.Notice("The runs of this study did not all record the same " + String.join(
                    ", ", differing) + ": they were trained with different software or on different machines."));
        }
        blocks.addAll(env.blocks());
        return new ReportSection(env.id(), env.title(), blocks);
    }

    private static TreeSet<String> differingKeys(StudyFacts facts) {
        List<Map<String, String>> all = facts.runs().values().stream().map(r -> r.config().environment())
                .filter(Objects::nonNull).toList();
        TreeSet<String> keys = new TreeSet<>();
        all.forEach(m -> keys.addAll(m.keySet()));
        keys.removeIf(k -> all.stream().map(m -> m.get(k)).distinct().count() <= 1);
        return keys;
    }
}
