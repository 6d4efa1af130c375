package org.transferworkbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.report.document.ReportDocument;
import org.transferworkbench.report.render.ReportFormat;
import org.transferworkbench.report.run.RunReport;

/** The one entry point for the window and the command line: build a run's report and write it to a folder. */
public final class RunReportWriter {
    public static final String DEFAULT_FOLDER = "report";

    private RunReportWriter() {
    }

    /** {@code <run>/report}: where a run's report goes unless the user says otherwise. */
    public static Path defaultFolder(RunDirectory run) {
        return run.file(DEFAULT_FOLDER);
    }

    public static ReportWriter.Written write(RunDirectory run, Path folder, Set<ReportFormat> formats,
                                             ProgressReporter progress, CancellationToken cancel) throws IOException {
        ReportDocument doc = RunReport.build(run, progress, cancel);
        cancel.throwIfCancelled();
        ReportWriter.Written written = new ReportWriter().write(doc, folder == null ? defaultFolder(run) : folder,
                formats);
        progress.report(4, 4, "written to " + written.folder());
        return written;
    }
}
