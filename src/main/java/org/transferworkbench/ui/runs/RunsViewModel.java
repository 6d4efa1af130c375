package org.transferworkbench.ui.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.transferworkbench.engine.experiment.Errors;
import org.transferworkbench.engine.export.BundleExporter;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.ui.fx.BackgroundJob;
import org.transferworkbench.ui.fx.WorkbenchContext;

/** The run store as a table, the selected runs' curves for comparison, and the actions on a run. */
public final class RunsViewModel {
    private final WorkbenchContext context;
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final ObservableList<RunRow> selected = FXCollections.observableArrayList();
    private final ObservableList<RunCurves> curves = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private static final java.util.Set<String> RESUMABLE = java.util.Set.of("interrupted", "cancelled", "failed");

    private final org.transferworkbench.ui.report.MethodsReportViewModel report;
    private Consumer<RunConfig> newRunHandler = c -> { };
    private Consumer<RunDirectory> resumeHandler = r -> { };

    public RunsViewModel(WorkbenchContext context) {
        this.context = context;
        this.report = new org.transferworkbench.ui.report.MethodsReportViewModel(context);
        selected.addListener((ListChangeListener<RunRow>) c -> loadCurves());
    }

    public void refresh() {
        context.executor().submit(BackgroundJob.titled("Reading the runs", (p, c) -> RunRows.read(context.runStore()))
                .onSucceeded(list -> {
                    rows.setAll(list);
                    message.set(list.size() + " runs in " + context.runStore().root());
                })
                .onFailed(e -> message.set("Could not read the runs: " + Errors.sentence(e))).build());
    }

    private void loadCurves() {
        List<RunRow> chosen = List.copyOf(selected);
        context.executor().submit(BackgroundJob.<List<RunCurves>>titled("Loading run metrics", (p, c) -> {
            List<RunCurves> out = new ArrayList<>();
            for (RunRow row : chosen) {
                if (Files.exists(row.run().file(RunDirectory.METRICS))) {
                    out.add(new RunCurves(row.name() + " (" + row.id().substring(0, Math.min(15, row.id().length()))
                            + ")", row.run().readMetrics()));
                }
            }
            return out;
        }).onSucceeded(list -> {
            if (chosen.equals(selected)) {
                curves.setAll(list);
            }
        }).build());
    }

    /** The run's config.json as text. */
    public String configText(RunRow row) {
        try {
            return Files.readString(row.run().file(RunDirectory.CONFIG));
        } catch (java.io.IOException e) {
            return "Could not read " + RunDirectory.CONFIG + ": " + Errors.sentence(e);
        }
    }

    public void delete(RunRow row) {
        context.executor().submit(BackgroundJob.titled("Deleting " + row.id(), (p, c) -> {
            context.runStore().delete(row.run());
            return row;
        }).onSucceeded(r -> {
            selected.remove(r);
            refresh();
        }).onFailed(e -> message.set("Could not delete " + row.id() + ": " + Errors.sentence(e))).build());
    }

    /** Whether the run has a model to export (at least one completed epoch). */
    public static boolean canExport(RunRow row) {
        return row != null && row.run().hasBestModel();
    }

    /**
     * Writes the run's bundle (a zip when {@code target} ends in .zip) on the background executor. An existing
     * target is replaced: the file chooser has already asked the user.
     */
    public void export(RunRow row, Path target, boolean onnx) {
        if (!canExport(row)) {
            message.set("Run " + (row == null ? "" : row.id() + " ") + "has no trained model to export.");
            return;
        }
        message.set("Exporting " + row.id() + " to " + target + " ...");
        context.executor().submit(BackgroundJob.titled("Exporting " + row.id(), (p, c) ->
                BundleExporter.export(row.run(), target, new BundleExporter.Options(onnx, true), p, c))
                .onSucceeded(r -> message.set(String.format(Locale.ROOT, "Exported %s to %s (%d files, %.1f MB); "
                        + "sample predicted as %s.", row.id(), r.bundle(), r.files(), r.bytes() / 1e6,
                        r.expected().predictedClass())))
                .onCancelled(() -> message.set("Export of " + row.id() + " cancelled; nothing was written."))
                .onFailed(e -> message.set("Could not export " + row.id() + ": " + Errors.sentence(e))).build());
    }

    public void newRunFrom(RunRow row) {
        newRunHandler.accept(row.config());
    }

    /** Whether the run can be continued: it was interrupted, cancelled or failed. */
    public static boolean canResume(RunRow row) {
        return row != null && RESUMABLE.contains(row.state());
    }

    /** Hands a resumable run to the training view, which continues it on the background executor. */
    public void resume(RunRow row) {
        if (!canResume(row)) {
            message.set("Run " + (row == null ? "" : row.id() + " ") + "cannot be resumed: only interrupted, "
                    + "cancelled or failed runs can.");
            return;
        }
        resumeHandler.accept(row.run());
    }

    /** Who continues a run (the main window, through the training view-model). */
    public void setResumeHandler(Consumer<RunDirectory> handler) {
        this.resumeHandler = handler;
    }

    /** Who fills the forms when the user asks for a new run from a stored one (the main window). */
    public void setNewRunHandler(Consumer<RunConfig> handler) {
        this.newRunHandler = handler;
    }

    /** Writes the methods report of a run (the "Methods report…" button). */
    public org.transferworkbench.ui.report.MethodsReportViewModel report() {
        return report;
    }

    public ObservableList<RunRow> rows() {
        return rows;
    }

    /** The runs selected in the table; the view writes it. */
    public ObservableList<RunRow> selected() {
        return selected;
    }

    public ObservableList<RunCurves> curves() {
        return curves;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
