package org.transferworkbench.ui.explain;

import java.awt.image.BufferedImage;
import java.io.File;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.transferworkbench.engine.explain.Explanation;
import org.transferworkbench.engine.explain.HeatMapImages;

/**
 * A window with the Grad-CAM of one image: the map over the image as the network saw it (or the image alone),
 * the layer and class to explain, and an export to PNG. Closing it cancels its work.
 */
public final class GradCamView {
    private static final int SHOWN_SIDE = 448;

    private final GradCamViewModel vm;
    private final ImageView picture = new ImageView();
    private final ToggleButton showMap = new ToggleButton("Heat map");
    private final VBox root;

    public GradCamView(GradCamViewModel vm) {
        this.vm = vm;
        picture.setId("gradCamImage");
        picture.setFitWidth(SHOWN_SIDE);
        picture.setFitHeight(SHOWN_SIDE);
        picture.setPreserveRatio(true);
        picture.setSmooth(false); // keep the cells of a coarse map visible rather than blurred twice
        showMap.setId("gradCamToggle");
        showMap.setSelected(true);
        showMap.selectedProperty().addListener((o, old, now) -> redraw());
        vm.resultProperty().addListener((o, old, now) -> redraw());

        ComboBox<String> layer = new ComboBox<>(vm.layers());
        layer.setId("gradCamLayer");
        layer.valueProperty().bindBidirectional(vm.layerProperty());
        ComboBox<String> target = new ComboBox<>(vm.classChoices());
        target.setId("gradCamClass");
        target.valueProperty().bindBidirectional(vm.classChoiceProperty());
        Button export = new Button("Export PNG…");
        export.setId("gradCamExport");
        export.disableProperty().bind(vm.resultProperty().isNull());
        export.setOnAction(e -> export());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        spinner.visibleProperty().bind(vm.busyProperty());
        HBox bar = new HBox(8, new Label("Layer"), layer, new Label("Class"), target, showMap, export, spinner);
        bar.getStyleClass().add("toolbar");
        Label message = new Label();
        message.setId("gradCamMessage");
        message.getStyleClass().add("hint");
        message.setWrapText(true);
        message.setMaxWidth(SHOWN_SIDE + 160);
        message.textProperty().bind(vm.messageProperty());
        root = new VBox(8, bar, picture, message);
        root.getStyleClass().addAll("pane", "gradcam");
        root.setId("gradCamView");
    }

    public VBox root() {
        return root;
    }

    /** Opens the window and starts computing; closing it cancels what still runs. */
    public static void show(Window owner, GradCamViewModel vm) {
        GradCamView view = new GradCamView(vm);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Grad-CAM — " + vm.image().getFileName() + " — " + vm.run().id());
        Scene scene = new Scene(view.root());
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> vm.close());
        stage.show();
        vm.open();
    }

    private void redraw() {
        Explanation e = vm.resultProperty().get();
        if (e == null) {
            picture.setImage(null);
            return;
        }
        BufferedImage shown = showMap.isSelected() ? HeatMapImages.overlay(e.preprocessed(), e.map())
                : e.preprocessed();
        picture.setImage(SwingFXUtils.toFXImage(shown, null));
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(vm.suggestedFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            vm.exportPng(file.toPath());
        }
    }
}
