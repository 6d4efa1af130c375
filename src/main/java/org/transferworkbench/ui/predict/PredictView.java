package org.transferworkbench.ui.predict;

import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.transferworkbench.engine.experiment.TopK;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.ui.explain.GradCamView;
import org.transferworkbench.ui.explain.GradCamViewModel;
import org.transferworkbench.ui.fx.Thumbnails;

/** The Predict tab: choose a trained run, add or drop images, read the top-k classes, export them. */
public final class PredictView {
    private final PredictViewModel vm;
    private final VBox root;

    public PredictView(PredictViewModel vm) {
        this.vm = vm;
        ListView<PredictionRow> results = new ListView<>(vm.results());
        results.setId("predictionList");
        results.setPlaceholder(new Label("Drop images or a folder here, or use the buttons above."));
        results.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(PredictionRow row, boolean empty) {
                super.updateItem(row, empty);
                setGraphic(empty || row == null ? null : rowNode(row));
            }
        });
        results.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> vm.selectedProperty().set(now));
        results.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                showGradCam();
            }
        });
        results.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        results.setOnDragDropped(e -> {
            vm.classify(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            e.setDropCompleted(true);
            e.consume();
        });
        Label message = new Label();
        message.getStyleClass().add("hint");
        message.textProperty().bind(vm.messageProperty());
        root = new VBox(8, toolbar(), message, results);
        VBox.setVgrow(results, Priority.ALWAYS);
        root.getStyleClass().add("pane");
        root.setId("predictView");
    }

    public Node root() {
        return root;
    }

    private Node toolbar() {
        ComboBox<RunDirectory> run = new ComboBox<>(vm.runs());
        run.setId("predictRunChoice");
        run.valueProperty().bindBidirectional(vm.runProperty());
        run.setConverter(new StringConverter<>() {
            @Override
            public String toString(RunDirectory r) {
                return r == null ? "" : r.id();
            }

            @Override
            public RunDirectory fromString(String s) {
                return null;
            }
        });
        run.setOnShowing(e -> vm.refreshRuns());
        Spinner<Integer> k = new Spinner<>(1, 10, vm.topKProperty().get());
        k.setPrefWidth(70);
        k.valueProperty().addListener((obs, old, now) -> vm.topKProperty().set(now));
        Button images = new Button("Add images…");
        images.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg",
                    "*.bmp", "*.gif"));
            List<File> files = chooser.showOpenMultipleDialog(root.getScene().getWindow());
            if (files != null) {
                vm.classify(files.stream().map(File::toPath).toList());
            }
        });
        Button folder = new Button("Add folder…");
        folder.setOnAction(e -> {
            File dir = new DirectoryChooser().showDialog(root.getScene().getWindow());
            if (dir != null) {
                vm.classify(List.of(dir.toPath()));
            }
        });
        Button export = new Button("Export CSV…");
        export.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.results()));
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("predictions.csv");
            File f = chooser.showSaveDialog(root.getScene().getWindow());
            if (f != null) {
                vm.exportCsv(f.toPath());
            }
        });
        Button gradCam = new Button("Grad-CAM…");
        gradCam.setId("predictGradCam");
        gradCam.setTooltip(new javafx.scene.control.Tooltip(
                "Where in the selected image the model found its class (or double-click an image)"));
        gradCam.disableProperty().bind(vm.selectedProperty().isNull());
        gradCam.setOnAction(e -> showGradCam());
        Button clear = new Button("Clear");
        clear.setOnAction(e -> vm.clear());
        HBox bar = new HBox(8, new Label("Model of run"), run, new Label("top"), k, images, folder, export, gradCam,
                clear);
        bar.getStyleClass().add("toolbar");
        return bar;
    }

    private void showGradCam() {
        GradCamViewModel cam = vm.gradCamOfSelected();
        if (cam != null) {
            GradCamView.show(root.getScene().getWindow(), cam);
        }
    }

    private static Node rowNode(PredictionRow row) {
        VBox guesses = new VBox(2);
        for (TopK.Guess g : row.guesses()) {
            ProgressBar bar = new ProgressBar(g.probability());
            bar.getStyleClass().add("probability");
            bar.setPrefWidth(160);
            Label text = new Label(String.format(Locale.ROOT, "%-16s %5.1f %%", g.className(), 100 * g.probability()));
            guesses.getChildren().add(new HBox(8, bar, text));
        }
        Label name = new Label(row.image().getFileName().toString());
        name.getStyleClass().add("caption");
        return new HBox(12, Thumbnails.of(row.image(), 72), new VBox(4, name, guesses));
    }
}
