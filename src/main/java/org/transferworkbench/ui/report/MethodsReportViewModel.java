package org.transferworkbench.ui.report;

import java.nio.file.Path;
import java.util.EnumSet;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.transferworkbench.engine.experiment.Errors;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.report.ReportWriter;
import org.transferworkbench.report.RunReportWriter;
import org.transferworkbench.report.render.ReportFormat;
import org.transferworkbench.ui.fx.BackgroundJob;
import org.transferworkbench.ui.fx.WorkbenchContext;

/**
 * Writes a run's methods report (HTML and Markdown, into the run's report/ folder) on the background executor and
 * publishes where it went. Shared by the Runs and Evaluation tabs; the Studies tab writes a study's through
 * {@link #write(String, BackgroundJob.Work)}.
 */
public final class MethodsReportViewModel {
    private final WorkbenchContext context;
    private final ReadOnlyObjectWrapper<Path> written = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public MethodsReportViewModel(WorkbenchContext context) {
        this.context = context;
    }

    public void write(RunDirectory run) {
        if (run != null) {
            write(run.id(), (progress, cancel) -> RunReportWriter.write(run, null, EnumSet.allOf(ReportFormat.class),
                    progress, cancel));
        }
    }

    /**
     * Writes any methods report (a run's, a study's) on the background executor.
     *
     * @param subject what the report is of, for the messages ("run 2024…", "study 2024…")
     * @param work    builds and writes the report on the worker; returns where it went
     */
    public void write(String subject, BackgroundJob.Work<ReportWriter.Written> work) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        written.set(null);
        message.set("Writing the methods report of " + subject + " …");
        context.executor().submit(BackgroundJob.<ReportWriter.Written>titled("Methods report of " + subject, work)
                .onSucceeded(w -> {
                    busy.set(false);
                    message.set("Methods report written to " + w.folder());
                    written.set(w.folder());
                })
                .onFailed(e -> {
                    busy.set(false);
                    message.set("Could not write the methods report of " + subject + ": " + Errors.sentence(e));
                })
                .onCancelled(() -> {
                    busy.set(false);
                    message.set("Methods report cancelled.");
                }).build());
    }

    /** Shows the folder in the file manager, on a worker: the desktop call can block. */
    public void openFolder(Path folder) {
        context.executor().submit(BackgroundJob.titled("Opening " + folder, (p, c) -> {
            FolderOpener.open(folder);
            return folder;
        }).onFailed(e -> message.set("Could not open " + folder + ": " + Errors.sentence(e))).build());
    }

    /** The folder of the report just written; null while none is (or while one is being written). */
    public ReadOnlyObjectProperty<Path> writtenProperty() {
        return written.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
