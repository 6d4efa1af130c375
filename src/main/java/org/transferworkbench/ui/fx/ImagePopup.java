package org.transferworkbench.ui.fx;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A window with one image shown large, for "click to enlarge". */
public final class ImagePopup {

    private ImagePopup() {
    }

    public static void show(Window owner, Path file, String caption) {
        ImageView view = new ImageView(new Image(file.toUri().toString(), 512, 512, true, true, true));
        view.setPreserveRatio(true);
        Label text = new Label(caption);
        text.getStyleClass().add("caption");
        VBox box = new VBox(8, view, text);
        box.getStyleClass().add("image-popup");
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(file.getFileName().toString());
        Scene scene = new Scene(box);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
    }
}
