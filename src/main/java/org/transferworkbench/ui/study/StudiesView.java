package org.transferworkbench.ui.study;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.jfree.chart.fx.ChartViewer;
import org.transferworkbench.engine.study.ArmComparison;
import org.transferworkbench.engine.study.ArmSummary;
import org.transferworkbench.engine.study.CurveKind;
import org.transferworkbench.engine.study.StudyMetric;
import org.transferworkbench.engine.study.StudyResults;
import org.transferworkbench.report.BandKind;
import org.transferworkbench.report.StudyFigure;
import org.transferworkbench.ui.fx.Columns;
import org.transferworkbench.ui.report.MethodsReportButton;

/**
 * The Studies tab: the stored studies; for the selected one, its mean curves with a band per arm, the table of test
 * figures over repeats, and the paired comparisons that say whether a difference beats the run-to-run noise.
 */
public final class StudiesView {
    private final StudiesViewModel vm;
    private final TableView<StudyRow> studies = new TableView<>();
    private final TableView<ArmSummary> arms = new TableView<>();
    private final TableView<ArmComparison> comparisons = new TableView<>();
    private final ChartViewer chart = new ChartViewer(null);
    private final Label verdict = new Label();
    private final VBox root;

    public StudiesView(StudiesViewModel vm) {
        this.vm = vm;
        studies.setItems(vm.rows());
        studies.setId("studiesTable");
        studies.setPlaceholder(new Label("No studies yet: New study… repeats the current setup over seeds."));
        studies.getColumns().add(Columns.text("Study", StudyRow::name, 200));
        studies.getColumns().add(Columns.text("Folder", StudyRow::id, 260));
        studies.getColumns().add(Columns.text("Arms", r -> Integer.toString(r.arms()), 60));
        studies.getColumns().add(Columns.text("Repeats done", StudyRow::progress, 100));
        studies.getColumns().add(Columns.text("State", StudyRow::state, 140));
        studies.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> vm.selectedProperty().set(row));
        vm.selectedProperty().addListener((o, a, row) -> {
            if (row != null && studies.getSelectionModel().getSelectedItem() != row) {
                studies.getSelectionModel().select(row);
            }
        });
        buildResultTables();
        chart.setId("studyChart");
        chart.setMinSize(300, 220);
        vm.resultsProperty().addListener((o, a, r) -> redraw());
        vm.curveProperty().addListener((o, a, r) -> redraw());
        vm.bandProperty().addListener((o, a, r) -> redraw());

        VBox chartBox = new VBox(6, chartControls(), chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        verdict.setId("studyVerdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);   // else the VBox shrinks it to one line
        verdict.getStyleClass().add("hint");
        VBox tables = new VBox(6, new Label("Test figures over repeats: mean ± sd [typical 95% bootstrap interval]"),
                arms, new Label("Paired comparisons (same seeds / folds); the selected one in full below"), comparisons,
                verdict);
        VBox.setVgrow(arms, Priority.ALWAYS);
        VBox.setVgrow(comparisons, Priority.ALWAYS);
        SplitPane results = new SplitPane(chartBox, tables);
        results.setDividerPositions(0.45);
        SplitPane split = new SplitPane(studies, results);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.25);
        root = new VBox(8, toolbar(), split);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getStyleClass().add("pane");
        root.setId("studiesView");
    }

    public Node root() {
        return root;
    }

    private void buildResultTables() {
        arms.setId("studyArmsTable");
        arms.setPlaceholder(new Label("Select a study; its arms appear as repeats finish."));
        arms.getColumns().add(Columns.text("Arm", ArmSummary::arm, 180));
        arms.getColumns().add(Columns.text("Runs", a -> a.finished() + "/" + a.planned(), 55));
        arms.getColumns().add(Columns.text("Test accuracy", a -> a.describe(StudyMetric.ACCURACY), 210));
        arms.getColumns().add(Columns.text("Balanced accuracy", a -> a.describe(StudyMetric.BALANCED_ACCURACY),
                210));
        arms.getColumns().add(Columns.text("Macro-F1", a -> a.describe(StudyMetric.MACRO_F1), 210));
        arms.getColumns().add(Columns.text("Best val. epoch", a -> a.bestEpoch().n() == 0 ? "-"
                : a.bestEpoch().format(1), 110));
        comparisons.setId("studyComparisonsTable");
        comparisons.setPlaceholder(new Label("Comparisons need two arms with finished repeats."));
        comparisons.getColumns().add(Columns.text("B", ArmComparison::armB, 120));
        comparisons.getColumns().add(Columns.text("vs A", ArmComparison::armA, 120));
        comparisons.getColumns().add(Columns.text("Figure", c -> c.metric().label(), 120));
        comparisons.getColumns().add(Columns.text("Verdict", ArmComparison::verdictNamed, 640));
        comparisons.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> verdict.setText(c == null
                ? "" : c.armB() + " vs " + c.armA() + ", " + c.metric().label() + ", " + c.difference().n()
                + " pair(s): " + c.verdictNamed()));
    }

    private Node chartControls() {
        ChoiceBox<CurveKind> curve = new ChoiceBox<>();
        curve.getItems().setAll(CurveKind.values());
        curve.setConverter(label(CurveKind::label));
        curve.valueProperty().bindBidirectional(vm.curveProperty());
        ChoiceBox<BandKind> band = new ChoiceBox<>();
        band.getItems().setAll(BandKind.values());
        band.setConverter(label(BandKind::label));
        band.valueProperty().bindBidirectional(vm.bandProperty());
        return new HBox(8, new Label("Curve"), curve, new Label("Band"), band);
    }

    private Node toolbar() {
        Button create = new Button("New study…");
        create.setId("newStudy");
        create.setOnAction(e -> NewStudyDialog.show(root.getScene().getWindow()).ifPresent(vm::createAndRun));
        Button open = new Button("Open study file…");
        open.setOnAction(e -> chooseSpec());
        Button resume = new Button("Continue");
        resume.setId("continueStudy");
        resume.setTooltip(new javafx.scene.control.Tooltip("Run the repeats that are left (after Stop, a crash or "
                + "a restart) and retry failed ones"));
        resume.setOnAction(e -> vm.continueSelected());
        resume.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.runningProperty().get()
                || vm.selectedProperty().get() == null || !vm.selectedProperty().get().canContinue(),
                vm.runningProperty(), vm.selectedProperty()));
        Button stop = new Button("Stop");
        stop.setId("stopStudy");
        stop.setOnAction(e -> vm.stop());
        stop.disableProperty().bind(vm.runningProperty().not());
        Button export = new Button("Export…");
        export.setTooltip(new javafx.scene.control.Tooltip("CSV tables and the figure as PNG and SVG"));
        export.setOnAction(e -> chooseExportFolder());
        export.disableProperty().bind(vm.resultsProperty().isNull());
        Button report = MethodsReportButton.create(vm.methodsReport(), vm::writeMethodsReport,
                vm.selectedProperty().isNull(), "Write an HTML and Markdown report of the study for a paper or a "
                        + "reviewer: Methods paragraph, design and arm settings, dataset, per-arm figures with "
                        + "intervals, paired comparisons, mean curves, every repeat, weights, versions, hardware");
        report.setId("studyMethodsReport");
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        create.disableProperty().bind(vm.runningProperty());
        open.disableProperty().bind(vm.runningProperty());
        Label message = new Label();
        message.getStyleClass().add("hint");
        message.textProperty().bind(vm.messageProperty());
        HBox bar = new HBox(8, create, open, resume, stop, export, report, refresh, message);
        bar.getStyleClass().add("toolbar");
        return bar;
    }

    private void chooseSpec() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Study file (the JSON that run.sh study takes)");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Study (JSON)", "*.json"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            vm.openAndRun(file.toPath());
        }
    }

    private void chooseExportFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for the study's tables and figure");
        File dir = chooser.showDialog(root.getScene().getWindow());
        if (dir != null) {
            vm.export(dir.toPath());
        }
    }

    private void redraw() {
        StudyResults r = vm.resultsProperty().get();
        arms.getItems().setAll(r == null ? java.util.List.of() : r.arms());
        comparisons.getItems().setAll(r == null ? java.util.List.of() : r.comparisons());
        comparisons.getSelectionModel().selectFirst();
        chart.setChart(r == null || r.arms().isEmpty() ? null
                : new StudyFigure(r, vm.bandProperty().get()).panel(vm.curveProperty().get()));
    }

    private static <T> StringConverter<T> label(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("choice boxes do not parse");
            }
        };
    }
}
