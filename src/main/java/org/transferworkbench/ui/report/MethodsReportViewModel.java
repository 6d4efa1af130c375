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
 * publishes where it went. Shared by the Runs and Evaluation tabs.
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
        if (run == null || busy.get()) {
            return;
        }
        busy.set(true);
        written.set(null);
        message.set("Writing the methods report of " + run.id() + " …");
        context.executor().submit(BackgroundJob.<ReportWriter.Written>titled("Methods report of " + run.id(),
                        (progress, cancel) -> RunReportWriter.write(run, null, EnumSet.allOf(ReportFormat.class),
                                progress, cancel))
                .onSucceeded(w -> {
                    busy.set(false);
                    message.set("Methods report written to " + w.folder());
                    written.set(w.folder());
                })
                .onFailed(e -> {
                    busy.set(false);
                    message.set("Could not write the methods report of " + run.id() + ": " + Errors.sentence(e));
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
