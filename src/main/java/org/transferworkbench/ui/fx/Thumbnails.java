package org.transferworkbench.ui.fx;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;

/**
 * Small images that load on JavaFX's background loader: the FX thread only shows them once decoded. Created
 * inside virtualised table cells, so they load lazily, when their row scrolls into view.
 */
public final class Thumbnails {

    private Thumbnails() {
    }

    public static ImageView of(Path file, double size) {
        Image image = new Image(file.toUri().toString(), size, size, true, true, true);
        ImageView view = new ImageView(image);
        view.setFitWidth(size);
        view.setFitHeight(size);
        view.setPreserveRatio(true);
        view.getStyleClass().add("thumbnail");
        return view;
    }

    public static Node strip(List<Path> files, double size) {
        HBox box = new HBox(4);
        box.getStyleClass().add("thumbnail-strip");
        files.forEach(f -> box.getChildren().add(of(f, size)));
        return box;
    }
}
