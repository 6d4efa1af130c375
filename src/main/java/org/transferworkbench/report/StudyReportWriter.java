package org.transferworkbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.engine.study.StudyFolder;
import org.transferworkbench.report.document.ReportDocument;
import org.transferworkbench.report.render.ReportFormat;
import org.transferworkbench.report.study.StudyReport;

/** The one entry point for the window and the command line: build a study's report and write it to a folder. */
public final class StudyReportWriter {

    private StudyReportWriter() {
    }

    /** {@code <study>/report}: where a study's report goes unless the user says otherwise. */
    public static Path defaultFolder(StudyFolder study) {
        return study.path().resolve(RunReportWriter.DEFAULT_FOLDER);
    }

    /** @param folder null for {@link #defaultFolder} */
    public static ReportWriter.Written write(StudyFolder study, RunStore store, Path folder, Set<ReportFormat> formats,
                                             BandKind band, ProgressReporter progress, CancellationToken cancel)
            throws IOException {
        ReportDocument doc = StudyReport.build(study, store, band, progress, cancel);
        cancel.throwIfCancelled();
        progress.report(3, 4, "writing the report files");
        ReportWriter.Written written = new ReportWriter().write(doc, folder == null ? defaultFolder(study) : folder,
                formats);
        progress.report(4, 4, "written to " + written.folder());
        return written;
    }
}
