package org.transferworkbench.ui.evaluation;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.transferworkbench.engine.eval.ClassMetrics;
import org.transferworkbench.engine.eval.EvaluationReport;
import org.transferworkbench.engine.experiment.Errors;
import org.transferworkbench.engine.experiment.TestEvaluation;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.ui.explain.GradCamModels;
import org.transferworkbench.ui.explain.GradCamViewModel;
import org.transferworkbench.ui.fx.BackgroundJob;
import org.transferworkbench.ui.fx.WorkbenchContext;

/**
 * One run's test evaluation: headline figures, confusion matrix, per-class metrics and a gallery of test images,
 * the wrong answers or the right ones.
 */
public final class EvaluationViewModel {
    private final WorkbenchContext context;
    private final ReadOnlyObjectWrapper<RunDirectory> run = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<EvaluationReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("Choose a run in the Runs tab.");
    private final BooleanProperty rowNormalised = new SimpleBooleanProperty();
    private final ObservableList<ClassMetrics> perClass = FXCollections.observableArrayList();
    private final BooleanProperty galleryShowsCorrect = new SimpleBooleanProperty();
    private final ObservableList<TestPrediction> gallery = FXCollections.observableArrayList();
    private PredictionsCsv.Answers answers = PredictionsCsv.Answers.NONE;

    private final org.transferworkbench.ui.report.MethodsReportViewModel reportWriter;
    private final GradCamModels gradCamModels;

    public EvaluationViewModel(WorkbenchContext context, GradCamModels gradCamModels) {
        this.context = context;
        this.gradCamModels = gradCamModels;
        this.reportWriter = new org.transferworkbench.ui.report.MethodsReportViewModel(context);
        galleryShowsCorrect.addListener((obs, old, correct) -> fillGallery());
    }

    /** Writes the methods report of the shown run (the "Methods report…" button). */
    public org.transferworkbench.ui.report.MethodsReportViewModel report() {
        return reportWriter;
    }

    /** The Grad-CAM of a gallery image with the shown run's model; null when no run is shown. */
    public GradCamViewModel gradCam(Path image) {
        RunDirectory target = run.get();
        return target == null ? null : new GradCamViewModel(context, gradCamModels, target, image);
    }

    private record Loaded(Optional<EvaluationReport> report, PredictionsCsv.Answers answers) { }

    public void load(RunDirectory target) {
        run.set(target);
        if (target == null) {
            return;
        }
        headline.set("Loading " + target.id() + " …");
        context.executor().submit(BackgroundJob.<Loaded>titled("Loading the evaluation of " + target.id(), (p, c) ->
                new Loaded(target.readEvaluation(), PredictionsCsv.read(
                        target.file(RunDirectory.PREDICTIONS), Path.of(target.readConfig().datasetRoot()))))
                .onSucceeded(this::show)
                .onFailed(e -> headline.set("Could not read the evaluation: " + Errors.sentence(e))).build());
    }

    /** Evaluates the run's best model on its test split again (for runs stopped before testing). */
    public void evaluateAgain() {
        RunDirectory target = run.get();
        if (target == null) {
            return;
        }
        headline.set("Evaluating " + target.id() + " on its test split …");
        context.executor().submit(BackgroundJob.titled("Evaluating " + target.id(),
                        (p, c) -> TestEvaluation.evaluate(target, p, c))
                .onSucceeded(r -> load(target))
                .onFailed(e -> headline.set("Evaluation failed: " + Errors.sentence(e))).build());
    }

    private void show(Loaded loaded) {
        report.set(loaded.report().orElse(null));
        perClass.setAll(loaded.report().map(EvaluationReport::perClass).orElse(List.of()));
        answers = loaded.answers();
        fillGallery();
        headline.set(loaded.report().map(r -> String.format(Locale.ROOT,
                        "%s — %d test images: accuracy %.1f %%, balanced accuracy %.1f %%, macro F1 %.3f",
                        run.get().id(), r.images(), 100 * r.accuracy(), 100 * r.balancedAccuracy(), r.macroF1()))
                .orElse(run.get().id() + " has no test evaluation yet (use \"Evaluate now\")."));
    }

    public ReadOnlyObjectProperty<RunDirectory> runProperty() {
        return run.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EvaluationReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public BooleanProperty rowNormalisedProperty() {
        return rowNormalised;
    }

    public ObservableList<ClassMetrics> perClass() {
        return perClass;
    }

    private void fillGallery() {
        gallery.setAll(galleryShowsCorrect.get() ? answers.right() : answers.wrong());
    }

    /** False: the misclassified test images, most confident first; true: the right ones, least confident first. */
    public BooleanProperty galleryShowsCorrectProperty() {
        return galleryShowsCorrect;
    }

    public ObservableList<TestPrediction> gallery() {
        return gallery;
    }
}
