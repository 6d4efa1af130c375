package org.transferworkbench.ui.runs;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.ui.charts.LineChartPane;
import org.transferworkbench.ui.charts.LiveSeries;
import org.transferworkbench.ui.fx.Columns;
import org.transferworkbench.ui.fx.Formats;

/** The Runs tab: every stored run, with their curves overlaid for the selected ones. */
public final class RunsView {
    private final RunsViewModel vm;
    private final TableView<RunRow> table;
    private final LineChartPane accuracy = new LineChartPane("Validation accuracy", "epoch", "accuracy",
            "compareAccuracyChart", true);
    private final LineChartPane loss = new LineChartPane("Validation loss", "epoch", "loss", "compareLossChart", true);
    private final VBox root;

    public RunsView(RunsViewModel vm, Consumer<RunDirectory> showEvaluation) {
        this.vm = vm;
        table = new TableView<>(vm.rows());
        table.setId("runsTable");
        table.setPlaceholder(new Label("No runs yet: train one in the Training tab."));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRow>) c ->
                vm.selected().setAll(table.getSelectionModel().getSelectedItems()));
        table.getColumns().add(Columns.text("Name", RunRow::name, 170));
        table.getColumns().add(Columns.text("Date", RunRow::date, 120));
        table.getColumns().add(Columns.text("Model", RunRow::model, 160));
        table.getColumns().add(Columns.text("Freeze plan", RunRow::freezePlan, 90));
        table.getColumns().add(Columns.number("Best val. acc.", RunRow::bestValidationAccuracy, Formats::decimal, 110));
        table.getColumns().add(Columns.number("Test acc.", RunRow::testAccuracy, Formats::decimal, 80));
        table.getColumns().add(Columns.text("Duration", RunRow::duration, 80));
        table.getColumns().add(Columns.text("State", RunRow::state, 90));
        vm.curves().addListener((ListChangeListener<RunCurves>) c -> redrawCurves());
        GridPane charts = new GridPane();
        charts.add(accuracy.node(), 0, 0);
        charts.add(loss.node(), 1, 0);
        charts.setHgap(6);
        for (int i = 0; i < 2; i++) {
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            cc.setPercentWidth(50);
            charts.getColumnConstraints().add(cc);
        }
        javafx.scene.layout.RowConstraints fill = new javafx.scene.layout.RowConstraints();
        fill.setVgrow(Priority.ALWAYS);   // the charts take the pane's whole height, not their preferred one
        fill.setFillHeight(true);
        charts.getRowConstraints().add(fill);
        SplitPane split = new SplitPane(table, charts);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.35);
        root = new VBox(8, toolbar(showEvaluation), split);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getStyleClass().add("pane");
        root.setId("runsView");
    }

    public Node root() {
        return root;
    }

    private Node toolbar(Consumer<RunDirectory> showEvaluation) {
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        Button config = new Button("Configuration");
        config.setOnAction(e -> selected().ifPresent(this::showConfig));
        Button again = new Button("New run from this");
        again.setId("newRunFromThis");
        again.setOnAction(e -> selected().ifPresent(vm::newRunFrom));
        Button resume = new Button("Resume");
        resume.setId("resumeRun");
        resume.setTooltip(new javafx.scene.control.Tooltip(
                "Continue an interrupted, cancelled or failed run from its last completed epoch"));
        resume.setOnAction(e -> selected().ifPresent(vm::resume));
        resume.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !RunsViewModel.canResume(table.getSelectionModel().getSelectedItem()),
                table.getSelectionModel().selectedItemProperty()));
        MenuButton export = exportMenu();
        Button evaluation = new Button("Evaluation");
        evaluation.setOnAction(e -> selected().ifPresent(r -> showEvaluation.accept(r.run())));
        Button report = org.transferworkbench.ui.report.MethodsReportButton.create(vm.report(),
                () -> selected().map(RunRow::run).orElse(null),
                table.getSelectionModel().selectedItemProperty().isNull());
        report.setId("methodsReport");
        Button delete = new Button("Delete…");
        delete.getStyleClass().add("danger");
        delete.setOnAction(e -> selected().ifPresent(this::confirmDelete));
        for (Button b : new Button[] {config, again, evaluation, delete}) {
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        }
        Label message = new Label();
        message.getStyleClass().add("hint");
        message.textProperty().bind(vm.messageProperty());
        Label reportMessage = new Label();
        reportMessage.getStyleClass().add("hint");
        reportMessage.textProperty().bind(vm.report().messageProperty());
        Label hint = new Label("Select several runs (Ctrl/Shift) to compare their curves.");
        hint.getStyleClass().add("hint");
        HBox bar = new HBox(8, refresh, config, again, resume, export, evaluation, report, delete, hint, message,
                reportMessage);
        bar.getStyleClass().add("toolbar");
        return bar;
    }

    private MenuButton exportMenu() {
        MenuItem zip = new MenuItem("Bundle (zip)…");
        zip.setOnAction(e -> chooseExportTarget(false));
        MenuItem onnx = new MenuItem("Bundle with ONNX model (zip)…");
        onnx.setOnAction(e -> chooseExportTarget(true));
        MenuButton export = new MenuButton("Export", null, zip, onnx);
        export.setId("exportRun");
        export.setTooltip(new javafx.scene.control.Tooltip("Write the run's model with its preprocessing, classes, "
                + "a sample and a README, for use without the Workbench (see docs/EXPORT.md)"));
        export.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !RunsViewModel.canExport(table.getSelectionModel().getSelectedItem()),
                table.getSelectionModel().selectedItemProperty()));
        return export;
    }

    private void chooseExportTarget(boolean onnx) {
        selected().ifPresent(row -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export " + row.id());
            chooser.setInitialFileName(row.id() + "-bundle.zip");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Bundle zip", "*.zip"));
            java.io.File file = chooser.showSaveDialog(root.getScene().getWindow());
            if (file != null) {
                String name = file.getName().toLowerCase(java.util.Locale.ROOT);
                vm.export(row, name.endsWith(".zip") ? file.toPath() : file.toPath().resolveSibling(file.getName()
                        + ".zip"), onnx);
            }
        });
    }

    /** Selects every run, so all their curves are overlaid. */
    public void selectAll() {
        table.getSelectionModel().selectAll();
    }

    private Optional<RunRow> selected() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private void redrawCurves() {
        accuracy.removeAllSeries();
        loss.removeAllSeries();
        for (RunCurves curves : vm.curves()) {
            LiveSeries.replace(accuracy.series(curves.runName()), curves.epochs(), EpochMetrics::epoch,
                    EpochMetrics::validationAccuracy);
            LiveSeries.replace(loss.series(curves.runName()), curves.epochs(), EpochMetrics::epoch,
                    EpochMetrics::validationLoss);
        }
    }

    private void showConfig(RunRow row) {
        TextArea text = new TextArea(vm.configText(row));
        text.setEditable(false);
        text.getStyleClass().add("monospace");
        text.setPrefSize(640, 480);
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle("Configuration of " + row.id());
        alert.setHeaderText(row.run().file(RunDirectory.CONFIG).toString());
        alert.getDialogPane().setContent(text);
        alert.setResizable(true);
        alert.show();
    }

    private void confirmDelete(RunRow row) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Delete the run " + row.id()
                + " with its model and metrics? This cannot be undone.", ButtonType.CANCEL, ButtonType.OK);
        alert.initOwner(root.getScene().getWindow());
        alert.setHeaderText("Delete run");
        alert.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.delete(row));
    }
}
