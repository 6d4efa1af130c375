package org.transferworkbench.ui.explain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.transferworkbench.engine.experiment.Errors;
import org.transferworkbench.engine.explain.Explanation;
import org.transferworkbench.engine.explain.GradCamPng;
import org.transferworkbench.engine.explain.RunExplainer;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.ui.fx.BackgroundJob;
import org.transferworkbench.ui.fx.JobHandle;
import org.transferworkbench.ui.fx.WorkbenchContext;

/**
 * The Grad-CAM of one image with one run's best model. Choosing another layer or class recomputes it in the
 * background; choices made while a map is being computed are merged into one recomputation afterwards.
 */
public final class GradCamViewModel {
    /** The class choice that means "whatever the model predicts". */
    public static final String PREDICTED = "predicted class";

    private final WorkbenchContext context;
    private final GradCamModels models;
    private final RunDirectory run;
    private final Path image;
    private final ObservableList<String> layers = FXCollections.observableArrayList();
    private final StringProperty layer = new SimpleStringProperty();
    private final ObservableList<String> classChoices = FXCollections.observableArrayList(PREDICTED);
    private final StringProperty classChoice = new SimpleStringProperty(PREDICTED);
    private final ReadOnlyObjectWrapper<Explanation> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final List<JobHandle> jobs = new ArrayList<>();
    private boolean ready;
    private boolean recomputeWhenDone;

    public GradCamViewModel(WorkbenchContext context, GradCamModels models, RunDirectory run, Path image) {
        this.context = context;
        this.models = models;
        this.run = run;
        this.image = image;
        layer.addListener((o, old, now) -> compute());
        classChoice.addListener((o, old, now) -> compute());
    }

    private record Choices(List<String> layers, String defaultLayer, List<String> classes) { }

    /** Loads the run's model (or reuses it), fills the choices, then computes the map for the predicted class. */
    public void open() {
        message.set("Loading the model of " + run.id() + " …");
        busy.set(true);
        track(context.executor().submit(BackgroundJob.<Choices>titled("Preparing Grad-CAM", (p, c) -> {
            RunExplainer explainer = models.forRun(run);
            return new Choices(explainer.convolutionLayers(), explainer.defaultLayer(), explainer.classNames());
        }).onSucceeded(choices -> {
            busy.set(false);
            layers.setAll(choices.layers());
            classChoices.addAll(choices.classes());
            ready = true;
            if (choices.defaultLayer().equals(layer.get())) {
                compute();
            } else {
                layer.set(choices.defaultLayer()); // the listener computes
            }
        }).onFailed(e -> {
            busy.set(false);
            message.set("Could not load the model: " + Errors.sentence(e));
        }).onCancelled(() -> busy.set(false)).build()));
    }

    /** Computes the map for the current layer and class choice, off the UI thread. */
    public void compute() {
        if (!ready || layer.get() == null) {
            return;
        }
        if (busy.get()) {
            recomputeWhenDone = true;
            return;
        }
        String chosenLayer = layer.get();
        String chosenClass = PREDICTED.equals(classChoice.get()) ? null : classChoice.get();
        busy.set(true);
        message.set("Computing the Grad-CAM at " + chosenLayer + " …");
        track(context.executor().submit(BackgroundJob.<Explanation>titled("Grad-CAM of " + image.getFileName(),
                        (p, c) -> models.forRun(run).explain(image, chosenLayer, chosenClass))
                .onSucceeded(e -> {
                    result.set(e);
                    message.set(describe(e));
                    done();
                })
                .onFailed(e -> {
                    message.set("Could not compute the Grad-CAM: " + Errors.sentence(e));
                    done();
                })
                .onCancelled(() -> busy.set(false)).build()));
    }

    private void done() {
        busy.set(false);
        if (recomputeWhenDone) {
            recomputeWhenDone = false;
            compute();
        }
    }

    static String describe(Explanation e) {
        String map = e.targetClass().equals(e.predictedClass()) ? "map for the predicted class"
                : String.format(Locale.ROOT, "map for %s (%.1f %%)", e.targetClass(), 100 * e.targetProbability());
        String empty = e.map().isEmpty() ? "; the map is zero everywhere: nothing at this layer speaks for the class"
                : "";
        return String.format(Locale.ROOT, "Predicted %s (%.1f %%); %s at %s%s.", e.predictedClass(),
                100 * e.confidence(), map, e.map().layer(), empty);
    }

    /** Writes the overlay to {@code file} and the raw map beside it ({@code NAME.gradcam-raw.png}). */
    public void exportPng(Path file) {
        Explanation shown = result.get();
        if (shown == null) {
            return;
        }
        String name = file.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".gradcam.png")
                ? name.substring(0, name.length() - ".gradcam.png".length())
                : name.replaceFirst("(?i)\\.png$", "");
        Path folder = file.toAbsolutePath().getParent();
        track(context.executor().submit(BackgroundJob.titled("Exporting the Grad-CAM",
                        (p, c) -> GradCamPng.write(shown, run.id(), folder, stem))
                .onSucceeded(w -> message.set("Saved " + w.overlay() + " and " + w.raw().getFileName() + "."))
                .onFailed(e -> message.set("Could not save: " + Errors.sentence(e))).build()));
    }

    /** The file name offered for export: the image's name with {@code .gradcam.png}. */
    public String suggestedFileName() {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".gradcam.png";
    }

    /** Cancels what is still running, e.g. when the window closes. */
    public void close() {
        jobs.forEach(JobHandle::cancel);
        jobs.clear();
    }

    private void track(JobHandle handle) {
        jobs.removeIf(JobHandle::isDone);
        if (!handle.isDone()) {
            jobs.add(handle);
        }
    }

    public RunDirectory run() {
        return run;
    }

    public Path image() {
        return image;
    }

    public ObservableList<String> layers() {
        return layers;
    }

    public StringProperty layerProperty() {
        return layer;
    }

    public ObservableList<String> classChoices() {
        return classChoices;
    }

    public StringProperty classChoiceProperty() {
        return classChoice;
    }

    public ReadOnlyObjectProperty<Explanation> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
