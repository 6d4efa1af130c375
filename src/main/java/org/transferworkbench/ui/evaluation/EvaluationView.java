package org.transferworkbench.ui.evaluation;

import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import org.transferworkbench.engine.eval.ClassMetrics;
import org.transferworkbench.ui.explain.GradCamView;
import org.transferworkbench.ui.explain.GradCamViewModel;
import org.transferworkbench.ui.fx.Columns;
import org.transferworkbench.ui.fx.ImagePopup;
import org.transferworkbench.ui.fx.Thumbnails;

/** The Evaluation tab: figures, confusion matrix, per-class table and the test images, wrong or right. */
public final class EvaluationView {
    private static final int GALLERY_LIMIT = 120;
    private final EvaluationViewModel vm;
    private final ConfusionMatrixPane matrix = new ConfusionMatrixPane();
    private final FlowPane gallery = new FlowPane(8, 8);
    private final VBox root;

    public EvaluationView(EvaluationViewModel vm) {
        this.vm = vm;
        Label headline = new Label();
        headline.setId("evaluationHeadline");
        headline.getStyleClass().add("headline");
        headline.textProperty().bind(vm.headlineProperty());
        ToggleButton normalised = new ToggleButton("Row-normalised");
        normalised.selectedProperty().bindBidirectional(vm.rowNormalisedProperty());
        Button again = new Button("Evaluate now");
        again.disableProperty().bind(vm.runProperty().isNull());
        again.setOnAction(e -> vm.evaluateAgain());
        InvalidationListener redraw = o -> matrix.show(vm.reportProperty().get(), vm.rowNormalisedProperty().get());
        vm.reportProperty().addListener(redraw);
        vm.rowNormalisedProperty().addListener(redraw);
        TableView<ClassMetrics> perClass = new TableView<>(vm.perClass());
        perClass.setId("perClassTable");
        perClass.getColumns().add(Columns.text("Class", ClassMetrics::className, 140));
        perClass.getColumns().add(Columns.text("Precision", c -> f(c.precision()), 80));
        perClass.getColumns().add(Columns.text("Recall", c -> f(c.recall()), 80));
        perClass.getColumns().add(Columns.text("F1", c -> f(c.f1()), 80));
        perClass.getColumns().add(Columns.text("Support", c -> Long.toString(c.support()), 70));
        perClass.setPrefHeight(200);
        Button report = org.transferworkbench.ui.report.MethodsReportButton.create(vm.report(), vm.runProperty()::get,
                vm.runProperty().isNull());
        report.setId("evaluationMethodsReport");
        Label reportMessage = new Label();
        reportMessage.getStyleClass().add("hint");
        reportMessage.textProperty().bind(vm.report().messageProperty());
        VBox left = new VBox(8, new HBox(8, normalised, again, report, reportMessage), matrix.node(), perClass);
        VBox.setVgrow(perClass, Priority.ALWAYS);
        gallery.setId("testImageGallery");
        gallery.getStyleClass().add("gallery");
        vm.gallery().addListener((ListChangeListener<TestPrediction>) c -> fillGallery());
        ScrollPane galleryScroll = new ScrollPane(gallery);
        galleryScroll.setFitToWidth(true);
        ToggleButton wrong = new ToggleButton("Misclassified");
        wrong.setId("galleryWrong");
        ToggleButton right = new ToggleButton("Correct");
        right.setId("galleryRight");
        SegmentedButton which = new SegmentedButton(wrong, right);
        wrong.setSelected(!vm.galleryShowsCorrectProperty().get());
        right.setSelected(vm.galleryShowsCorrectProperty().get());
        // a segmented pair must never end up with neither pressed
        which.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                vm.galleryShowsCorrectProperty().set(now == right);
            }
        });
        Label galleryTitle = new Label();
        galleryTitle.textProperty().bind(Bindings.when(vm.galleryShowsCorrectProperty())
                .then("right answers, least confident first")
                .otherwise("wrong answers, most confident first")
                .concat(" (click to enlarge; Grad-CAM: where the model looked)"));
        galleryTitle.getStyleClass().add("hint");
        galleryTitle.setWrapText(true);
        Label galleryHeading = new Label("Test images");
        galleryHeading.getStyleClass().add("form-section");
        for (Region r : new Region[] {galleryHeading, wrong, right}) {
            r.setMinWidth(Region.USE_PREF_SIZE); // never "T..." or "Miscl..."
        }
        HBox galleryBar = new HBox(10, galleryHeading, which);
        galleryBar.setAlignment(Pos.CENTER_LEFT);
        VBox rightPane = new VBox(6, galleryBar, galleryTitle, galleryScroll);
        VBox.setVgrow(galleryScroll, Priority.ALWAYS);
        SplitPane split = new SplitPane(left, rightPane);
        split.setDividerPositions(0.5);
        root = new VBox(8, headline, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getStyleClass().add("pane");
        root.setId("evaluationView");
    }

    public Node root() {
        return root;
    }

    private void fillGallery() {
        gallery.getChildren().clear();
        vm.gallery().stream().limit(GALLERY_LIMIT).forEach(m -> {
            String caption = m.correct()
                    ? String.format(Locale.ROOT, "%s (%.0f %%)", m.actual(), 100 * m.confidence())
                    : String.format(Locale.ROOT, "%s → %s (%.0f %%)", m.actual(), m.predicted(), 100 * m.confidence());
            Label text = new Label(caption);
            text.getStyleClass().add("caption");
            Hyperlink gradCam = new Hyperlink("Grad-CAM");
            gradCam.getStyleClass().add("gradcam-link");
            gradCam.setOnAction(e -> {
                GradCamViewModel cam = vm.gradCam(m.image());
                if (cam != null) {
                    GradCamView.show(root.getScene().getWindow(), cam);
                }
            });
            VBox tile = new VBox(4, Thumbnails.of(m.image(), 96), text, gradCam);
            tile.getStyleClass().add("gallery-tile");
            tile.getChildren().get(0).setOnMouseClicked(e -> ImagePopup.show(root.getScene().getWindow(), m.image(),
                    String.format(Locale.ROOT, "true class %s, predicted %s (%.0f %%)", m.actual(), m.predicted(),
                            100 * m.confidence())));
            gallery.getChildren().add(tile);
        });
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
