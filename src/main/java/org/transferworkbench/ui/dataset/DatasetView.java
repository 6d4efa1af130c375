package org.transferworkbench.ui.dataset;

import java.io.File;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.transferworkbench.engine.data.SkippedFile;
import org.transferworkbench.ui.fx.Columns;
import org.transferworkbench.ui.fx.FormGrid;
import org.transferworkbench.ui.fx.Formats;
import org.transferworkbench.ui.fx.Thumbnails;

/** The Dataset tab: import, per-class table with thumbnails, skipped files, split and augmentation. */
public final class DatasetView {
    private final DatasetViewModel vm;
    private final SplitPane root;

    public DatasetView(DatasetViewModel vm) {
        this.vm = vm;
        VBox left = new VBox(8, toolbar(), warnings(), classTable(), skippedPane());
        left.getStyleClass().add("pane");
        VBox.setVgrow(left.getChildren().get(2), Priority.ALWAYS);
        VBox right = new VBox(8, splitForm(), splitTable(), augmentation());
        right.getStyleClass().add("pane");
        root = new SplitPane(left, right);
        root.setDividerPositions(0.6);
        root.setId("datasetView");
    }

    public Node root() {
        return root;
    }

    private Node toolbar() {
        Button importButton = new Button("Import folder…");
        importButton.setId("importButton");
        importButton.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Dataset folder (one sub-folder per class)");
            File dir = chooser.showDialog(root.getScene().getWindow());
            if (dir != null) {
                vm.importFolder(dir.toPath());
            }
        });
        Button demo = new Button("Use demo dataset");
        demo.setId("demoButton");
        demo.getStyleClass().add("accent");
        demo.setOnAction(e -> vm.useDemoDataset());
        importButton.disableProperty().bind(vm.importingProperty());
        demo.disableProperty().bind(vm.importingProperty());
        Label status = new Label();
        status.setId("datasetStatus");
        status.textProperty().bind(vm.statusProperty());
        Label hint = new Label("or drop a folder onto the window");
        hint.getStyleClass().add("hint");
        HBox bar = new HBox(8, importButton, demo, hint);
        bar.getStyleClass().add("toolbar");
        return new VBox(4, bar, status);
    }

    private Node warnings() {
        Label label = new Label();
        label.setId("datasetWarnings");
        label.getStyleClass().add("warning");
        label.setWrapText(true);
        label.textProperty().bind(vm.warningsProperty());
        label.visibleProperty().bind(vm.warningsProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private Node classTable() {
        TableView<ClassRow> table = new TableView<>(vm.classRows());
        table.setId("classTable");
        table.setPlaceholder(new Label("Import a folder with one sub-folder per class."));
        TableColumn<ClassRow, Node> samples = new TableColumn<>("Samples");
        samples.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(null));
        samples.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Node item, boolean empty) {
                super.updateItem(item, empty);
                ClassRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setGraphic(row == null ? null : Thumbnails.strip(row.samples(), 40));
            }
        });
        samples.setPrefWidth(360);
        table.getColumns().add(Columns.text("Class", ClassRow::name, 140));
        table.getColumns().add(Columns.text("Images", r -> Formats.count(r.count()), 70));
        table.getColumns().add(Columns.text("Share", r -> Formats.percent(r.share()), 70));
        table.getColumns().add(samples);
        return table;
    }

    private Node skippedPane() {
        TableView<SkippedFile> table = new TableView<>(vm.skipped());
        table.setId("skippedTable");
        table.setPlaceholder(new Label("No files skipped."));
        table.getColumns().add(Columns.text("File", SkippedFile::relativePath, 260));
        table.getColumns().add(Columns.text("Reason", SkippedFile::reason, 320));
        table.setPrefHeight(140);
        TitledPane pane = new TitledPane("Skipped files", table);
        pane.textProperty().bind(javafx.beans.binding.Bindings.size(vm.skipped()).asString("Skipped files (%d)"));
        pane.setExpanded(false);
        return pane;
    }

    private Node splitForm() {
        SplitSettings s = vm.split();
        FormGrid form = new FormGrid().section("Split");
        form.add("Train / validation / test", new HBox(6, field(s.trainProperty(), "trainFraction"),
                field(s.validationProperty(), "validationFraction"), field(s.testProperty(), "testFraction")));
        form.add("Seed", field(s.seedProperty(), "splitSeed"));
        TextField group = field(s.groupPatternProperty(), "groupPattern");
        group.setPromptText("optional regex, e.g. _(photo\\d+)_");
        form.add("Group pattern", group);
        Label preview = new Label();
        preview.setId("groupPreview");
        preview.getStyleClass().add("hint");
        preview.textProperty().bind(vm.groupPreviewProperty());
        form.add("", preview);
        Button reuse = new Button("Reuse a saved split…");
        reuse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Split manifest", "split.csv", "*.csv"));
            File f = chooser.showOpenDialog(root.getScene().getWindow());
            if (f != null) {
                vm.reuseSplitProperty().set(f.toPath());
            }
        });
        Button clear = new Button("New split");
        clear.disableProperty().bind(vm.reuseSplitProperty().isNull());
        clear.setOnAction(e -> vm.reuseSplitProperty().set(null));
        Label reused = new Label();
        reused.textProperty().bind(vm.reuseSplitProperty().map(Path::toString).orElse("splitting anew"));
        form.add("Saved split", new HBox(6, reuse, clear, reused));
        Label error = new Label();
        error.setId("splitError");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.splitErrorProperty());
        form.add("", error);
        return form.node();
    }

    private TextField field(javafx.beans.property.StringProperty property, String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(5);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    private Node splitTable() {
        TableView<SplitRow> table = new TableView<>(vm.splitRows());
        table.setId("splitTable");
        table.setPlaceholder(new Label("The split appears here once a dataset is imported."));
        table.getColumns().add(Columns.text("Class", SplitRow::className, 140));
        table.getColumns().add(Columns.text("Train", r -> Integer.toString(r.train()), 70));
        table.getColumns().add(Columns.text("Validation", r -> Integer.toString(r.validation()), 80));
        table.getColumns().add(Columns.text("Test", r -> Integer.toString(r.test()), 70));
        table.setPrefHeight(180);
        return table;
    }

    private Node augmentation() {
        AugmentationToggles a = vm.augmentation();
        FlowPane boxes = new FlowPane(12, 6, check("Horizontal flip", a.horizontalFlipProperty()),
                check("Vertical flip", a.verticalFlipProperty()), check("Rotate ±15°", a.rotationProperty()),
                check("Random crop", a.cropProperty()), check("Brightness ±20 %", a.brightnessProperty()),
                check("Contrast ±20 %", a.contrastProperty()));
        Label title = new Label("Augmentation (training split only)");
        title.getStyleClass().add("form-section");
        return new VBox(6, title, boxes);
    }

    private static CheckBox check(String text, javafx.beans.property.BooleanProperty property) {
        CheckBox box = new CheckBox(text);
        box.selectedProperty().bindBidirectional(property);
        return box;
    }
}
