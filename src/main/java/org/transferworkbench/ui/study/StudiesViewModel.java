package org.transferworkbench.ui.study;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.transferworkbench.engine.experiment.Errors;
import org.transferworkbench.engine.experiment.ExperimentRequest;
import org.transferworkbench.engine.study.CurveKind;
import org.transferworkbench.engine.study.StudyAggregator;
import org.transferworkbench.engine.study.StudyFolder;
import org.transferworkbench.engine.study.StudyOutcome;
import org.transferworkbench.engine.study.StudyResults;
import org.transferworkbench.engine.study.StudyRunner;
import org.transferworkbench.engine.study.StudySpec;
import org.transferworkbench.engine.study.StudySpecJson;
import org.transferworkbench.engine.study.StudyStore;
import org.transferworkbench.report.BandKind;
import org.transferworkbench.report.StudyExport;
import org.transferworkbench.report.StudyReportWriter;
import org.transferworkbench.report.render.ReportFormat;
import org.transferworkbench.ui.fx.BackgroundJob;
import org.transferworkbench.ui.fx.JobHandle;
import org.transferworkbench.ui.fx.WorkbenchContext;
import org.transferworkbench.ui.report.MethodsReportViewModel;

/**
 * The Studies tab's state: the stored studies, the selected one's aggregated results, and the one study that may be
 * working through its queue in the background. Results are re-read after every finished repeat, so the table and
 * the mean curves grow while the study runs.
 */
public final class StudiesViewModel {
    private final WorkbenchContext context;
    private final StudyStore store;
    private final Supplier<ExperimentRequest> currentRequest;
    private final ObservableList<StudyRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<StudyRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<StudyResults> results = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<CurveKind> curve = new SimpleObjectProperty<>(CurveKind.VALIDATION_ACCURACY);
    private final ObjectProperty<BandKind> band = new SimpleObjectProperty<>(BandKind.SD);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final MethodsReportViewModel report;
    private JobHandle job;
    private Runnable runsChanged = () -> { };

    /** @param currentRequest the run set up in the Dataset and Model tabs; throws with a sentence when incomplete */
    public StudiesViewModel(WorkbenchContext context, Supplier<ExperimentRequest> currentRequest) {
        this.context = context;
        this.store = new StudyStore(context.runStore().root());
        this.currentRequest = currentRequest;
        this.report = new MethodsReportViewModel(context);
        report.messageProperty().addListener((obs, old, text) -> message.set(text));
        selected.addListener((obs, old, row) -> loadResults());
    }

    public void refresh() {
        reload(true, false);
    }

    /**
     * @param announce say what was found; false keeps the message of the study that just ended
     * @param summarise summarise the selected study again even if its row reads as before
     */
    private void reload(boolean announce, boolean summarise) {
        String keep = selected.get() == null ? null : selected.get().id();
        context.executor().submit(BackgroundJob.titled("Reading the studies", (p, c) -> StudyRows.read(store))
                .onSucceeded(list -> {
                    StudyRow before = selected.get();
                    rows.setAll(list);
                    list.stream().filter(r -> r.id().equals(keep)).findFirst().ifPresent(selected::set);
                    if (summarise && Objects.equals(before, selected.get())) {
                        loadResults(); // a changed row has done so through the selection listener
                    }
                    if (!announce) {
                        return;
                    }
                    long stopped = list.stream().filter(r -> "stopped".equals(r.state())).count();
                    message.set(stopped == 0 ? list.size() + " studies in " + store.root()
                            : stopped + " stopped " + (stopped == 1 ? "study has" : "studies have") + " repeats "
                            + "left: select it and press Continue.");
                })
                .onFailed(e -> message.set("Could not read the studies: " + Errors.sentence(e))).build());
    }

    private void loadResults() {
        StudyRow row = selected.get();
        if (row == null) {
            results.set(null);
            return;
        }
        context.executor().submit(BackgroundJob.titled("Summarising study " + row.name(), (p, c) ->
                StudyAggregator.standard().aggregate(row.folder(), context.runStore()))
                .onSucceeded(r -> {
                    if (selected.get() != null && selected.get().id().equals(row.id())) {
                        results.set(r);
                    }
                })
                .onFailed(e -> message.set("Could not summarise " + row.id() + ": " + Errors.sentence(e))).build());
    }

    /** A new study from the dialog's choices and the Dataset and Model tabs' settings, started at once. */
    public void createAndRun(StudyDraft draft) {
        try {
            start(draft.toSpec(currentRequest.get()));
        } catch (IllegalArgumentException e) {
            message.set("Cannot start the study: " + e.getMessage());
        }
    }

    /** A study from a spec file (the same file `run.sh study` takes), started at once. */
    public void openAndRun(Path specFile) {
        try {
            start(StudySpecJson.read(specFile));
        } catch (java.io.IOException | IllegalArgumentException e) {
            message.set("Cannot start the study in " + specFile + ": " + Errors.sentence(e));
        }
    }

    private void start(StudySpec spec) {
        if (isRunning()) {
            message.set("A study is running; stop it or let it finish first.");
            return;
        }
        try {
            StudyFolder folder = store.create(spec, LocalDateTime.now());
            StudyRow row = StudyRows.row(folder);
            rows.add(0, row);
            selected.set(row);
            runQueue(row);
        } catch (java.io.IOException e) {
            message.set("Could not create the study: " + Errors.sentence(e));
        }
    }

    /** Works through the selected study's remaining repeats: after a restart, a crash or Stop. */
    public void continueSelected() {
        StudyRow row = selected.get();
        if (row == null || !row.canContinue()) {
            message.set("Only a stopped study, or one with failed repeats, can be continued.");
        } else if (isRunning()) {
            message.set("A study is running; stop it or let it finish first.");
        } else {
            runQueue(row);
        }
    }

    private void runQueue(StudyRow row) {
        running.set(true);
        message.set("Study " + row.name() + " is running: " + row.planned() + " repeats, one after another.");
        job = context.executor().submit(new StudyJob(row, new StudyRunner(context.runStore()),
                finished -> context.executor().runOnUi(() -> {
                    message.set(finished);
                    runsChanged.run();
                    if (selected.get() != null && selected.get().id().equals(row.id())) {
                        loadResults();
                    }
                }),
                this::ended));
    }

    private void ended(StudyOutcome outcome, Throwable error) {
        running.set(false);
        job = null;
        if (error != null) {
            message.set("The study stopped: " + Errors.sentence(error));
        } else if (outcome == null || outcome.cancelled()) {
            message.set("Study stopped; finished repeats are kept. Continue resumes the rest.");
        } else {
            message.set(String.format(Locale.ROOT, "Study finished: %d repeats succeeded, %d failed.",
                    outcome.succeeded(), outcome.failed()));
        }
        reload(false, true);
    }

    public void stop() {
        if (job != null) {
            job.cancel();
            message.set("Stopping after the current step…");
        }
    }

    /** CSV tables, the PNG and SVG figure, into {@code folder}. */
    public void export(Path folder) {
        StudyResults r = results.get();
        if (r == null) {
            message.set("Select a study with finished repeats to export.");
            return;
        }
        BandKind kind = band.get();
        context.executor().submit(BackgroundJob.<List<Path>>titled("Exporting study " + r.spec().name(),
                (p, c) -> StudyExport.write(r, folder, kind))
                .onSucceeded(files -> message.set("Exported " + files.size() + " files to " + folder + "."))
                .onFailed(e -> message.set("Export failed: " + Errors.sentence(e))).build());
    }

    /**
     * The selected study's methods report, HTML and Markdown, into its folder's report/ with the chosen band. A
     * running or unfinished study gets one too: it covers the finished repeats and lists the rest as missing.
     */
    public void writeMethodsReport() {
        StudyRow row = selected.get();
        if (row == null) {
            message.set("Select a study to write its methods report.");
            return;
        }
        BandKind kind = band.get();
        report.write("study " + row.id(), (progress, cancel) -> StudyReportWriter.write(row.folder(),
                context.runStore(), null, EnumSet.allOf(ReportFormat.class), kind, progress, cancel));
    }

    /** Writes the study reports and tells the Methods report button when one is done. */
    public MethodsReportViewModel methodsReport() {
        return report;
    }

    /** Who hears that a repeat added a run to the store (the main window refreshes the Runs tab). */
    public void setRunsChangedHandler(Runnable handler) {
        this.runsChanged = handler;
    }

    public boolean isRunning() {
        return running.get();
    }

    public ObservableList<StudyRow> rows() {
        return rows;
    }

    /** The study whose results are shown; the view writes it. */
    public ObjectProperty<StudyRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<StudyResults> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    public ObjectProperty<CurveKind> curveProperty() {
        return curve;
    }

    public ObjectProperty<BandKind> bandProperty() {
        return band;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
