package org.transferworkbench.report.run;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.transferworkbench.engine.experiment.EnvironmentInfo;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.report.document.ReportDocument;
import org.transferworkbench.report.document.ReportSection;

/** Builds the methods report of one run from its folder: the sections a reviewer asks for, in reading order. */
public final class RunReport {
    public static final String TITLE = "Methods report";

    private RunReport() {
    }

    public static ReportDocument build(RunDirectory run, ProgressReporter progress, CancellationToken cancel)
            throws IOException {
        progress.report(0, 4, "reading " + run.id());
        RunFacts facts = RunFacts.read(run);
        cancel.throwIfCancelled();
        progress.report(1, 4, "bootstrap intervals over the test images");
        EvaluationSection.Intervals intervals = EvaluationSection.Intervals.of(facts);
        cancel.throwIfCancelled();
        progress.report(2, 4, "drawing the curves");
        ReportSection curves = CurvesSection.of(facts);
        cancel.throwIfCancelled();
        progress.report(3, 4, "assembling the report");
        List<ReportSection> sections = List.of(
                MethodsSection.of(facts, intervals),
                DatasetSection.of(facts),
                ModelSection.of(facts),
                TrainingSection.of(facts),
                curves,
                EvaluationSection.of(facts, intervals),
                EnvironmentSection.of(facts));
        String subject = "Run " + run.id() + (facts.config().name() == null ? "" : " (" + facts.config().name() + ")");
        return new ReportDocument(TITLE, subject, Instant.now(), "Transfer Workbench "
                + EnvironmentInfo.workbenchVersion(), sections);
    }
}
