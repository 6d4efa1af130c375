package org.transferworkbench.ui.predict;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.transferworkbench.engine.experiment.Errors;
import org.transferworkbench.engine.experiment.RunPredictor;
import org.transferworkbench.engine.experiment.TopK;
import org.transferworkbench.engine.io.AtomicFiles;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.ui.explain.GradCamModels;
import org.transferworkbench.ui.explain.GradCamViewModel;
import org.transferworkbench.ui.fx.BackgroundJob;
import org.transferworkbench.ui.fx.WorkbenchContext;

/**
 * Classifies new images with a stored run's best model. The predictor is its own model instance, so this works
 * while another run trains.
 */
public final class PredictViewModel {
    private final WorkbenchContext context;
    private final ObservableList<RunDirectory> runs = FXCollections.observableArrayList();
    private final ObjectProperty<RunDirectory> run = new SimpleObjectProperty<>();
    private final IntegerProperty topK = new SimpleIntegerProperty(3);
    private final ObservableList<PredictionRow> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Choose a run, then add images.");
    private RunPredictor predictor;
    private String predictorRun;

    private final ObjectProperty<PredictionRow> selected = new SimpleObjectProperty<>();
    private final GradCamModels gradCamModels;

    public PredictViewModel(WorkbenchContext context, GradCamModels gradCamModels) {
        this.context = context;
        this.gradCamModels = gradCamModels;
    }

    /** The Grad-CAM of the selected image with the model that classified it; null when nothing is selected. */
    public GradCamViewModel gradCamOfSelected() {
        PredictionRow row = selected.get();
        return row == null ? null : new GradCamViewModel(context, gradCamModels, row.run(), row.image());
    }

    public ObjectProperty<PredictionRow> selectedProperty() {
        return selected;
    }

    /** Runs that have a best model. */
    public void refreshRuns() {
        context.executor().submit(BackgroundJob.<List<RunDirectory>>titled("Listing trained runs", (p, c) ->
                context.runStore().list().stream().filter(RunDirectory::hasBestModel).toList())
                .onSucceeded(list -> {
                    RunDirectory keep = run.get();
                    runs.setAll(list);
                    if (keep == null || list.stream().noneMatch(r -> r.id().equals(keep.id()))) {
                        run.set(list.isEmpty() ? null : list.get(0));
                    }
                }).build());
    }

    /** Classifies the given images and folders (searched recursively for images). */
    public void classify(List<Path> filesOrFolders) {
        RunDirectory target = run.get();
        if (target == null) {
            message.set("Choose a trained run first.");
            return;
        }
        int k = topK.get();
        message.set("Classifying …");
        context.executor().submit(BackgroundJob.<List<PredictionRow>>titled("Classifying images", (p, cancel) -> {
            RunPredictor model = predictorFor(target);
            List<Path> images = expand(filesOrFolders);
            List<String> failures = new ArrayList<>();
            List<PredictionRow> out = new ArrayList<>();
            for (TopK top : model.predict(images, k, failures, p, cancel)) {
                out.add(new PredictionRow(Path.of(top.image()), top.guesses(), target));
            }
            failures.forEach(f -> org.slf4j.LoggerFactory.getLogger(PredictViewModel.class).warn("{}", f));
            return out;
        }).onSucceeded(rows -> {
            results.addAll(rows);
            message.set(rows.size() + " images classified with " + target.id() + ".");
        }).onFailed(e -> message.set("Could not classify: " + Errors.sentence(e))).build());
    }

    private synchronized RunPredictor predictorFor(RunDirectory target) throws IOException {
        if (predictor == null || !target.id().equals(predictorRun)) {
            predictor = RunPredictor.forRun(target);
            predictorRun = target.id();
        }
        return predictor;
    }

    static List<Path> expand(List<Path> filesOrFolders) throws IOException {
        List<Path> images = new ArrayList<>();
        for (Path p : filesOrFolders) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(PredictViewModel::looksLikeImage).sorted()
                            .forEach(images::add);
                }
            } else {
                images.add(p);
            }
        }
        return images;
    }

    private static boolean looksLikeImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".bmp")
                || n.endsWith(".gif");
    }

    public void exportCsv(Path target) {
        List<PredictionRow> rows = List.copyOf(results);
        context.executor().submit(BackgroundJob.titled("Exporting predictions", (p, c) -> {
            StringWriter out = new StringWriter();
            try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                    .setHeader("image", "rank", "class", "probability").get())) {
                for (PredictionRow row : rows) {
                    for (int i = 0; i < row.guesses().size(); i++) {
                        printer.printRecord(row.image(), i + 1, row.guesses().get(i).className(),
                                String.format(Locale.ROOT, "%.6f", row.guesses().get(i).probability()));
                    }
                }
            }
            AtomicFiles.writeString(target, out.toString());
            return target;
        }).onSucceeded(t -> message.set("Saved " + rows.size() + " predictions to " + t))
                .onFailed(e -> message.set("Could not save: " + Errors.sentence(e))).build());
    }

    public void clear() {
        results.clear();
    }

    public ObservableList<RunDirectory> runs() {
        return runs;
    }

    public ObjectProperty<RunDirectory> runProperty() {
        return run;
    }

    public IntegerProperty topKProperty() {
        return topK;
    }

    public ObservableList<PredictionRow> results() {
        return results;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
