package org.transferworkbench.ui.training;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.geometry.Orientation;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.transferworkbench.engine.runs.RunState;
import org.transferworkbench.ui.fx.ErrorDialogs;

/** The Training tab: start/stop, progress, device, live charts and the engine's log. */
public final class TrainingView {
    /** How often buffered engine events reach the charts: 4 Hz is live to the eye and cheap for the FX thread. */
    static final Duration DRAIN_PERIOD = Duration.millis(250);
    private final TrainingViewModel vm;
    private final VBox root;
    private final Timeline drainTimer;

    public TrainingView(TrainingViewModel vm) {
        this.vm = vm;
        TrainingCharts charts = new TrainingCharts(vm);
        ListView<String> log = new ListView<>(vm.log());
        log.setId("logList");
        log.getStyleClass().add("log");
        vm.log().addListener((javafx.collections.ListChangeListener<String>) c -> log.scrollTo(vm.log().size() - 1));
        SplitPane split = new SplitPane(charts.node(), log);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        root = new VBox(8, controls(), split);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getStyleClass().add("pane");
        root.setId("trainingView");
        drainTimer = new Timeline(new KeyFrame(DRAIN_PERIOD, e -> vm.drain()));
        drainTimer.setCycleCount(Timeline.INDEFINITE);
        drainTimer.play();
        vm.lastEndProperty().addListener((obs, old, end) -> announce(end));
    }

    public Node root() {
        return root;
    }

    public void dispose() {
        drainTimer.stop();
    }

    private Node controls() {
        Button start = new Button("Start training");
        start.setId("startButton");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(vm.canStartProperty().not());
        start.setOnAction(e -> vm.start());
        Button stop = new Button("Stop");
        stop.setId("stopButton");
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setOnAction(e -> vm.stop());
        ProgressBar bar = new ProgressBar();
        bar.setId("trainingProgress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(vm.progressProperty());
        Label text = new Label();
        text.setId("progressText");
        text.textProperty().bind(vm.progressTextProperty());
        Label device = new Label();
        device.setId("deviceLabel");
        device.getStyleClass().add("hint");
        device.textProperty().bind(vm.deviceProperty());
        Label why = new Label("Import a dataset and fix any red field to start.");
        why.getStyleClass().add("hint");
        why.visibleProperty().bind(vm.inputsValidProperty().not());
        HBox row = new HBox(10, start, stop, bar, text);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox second = new HBox(16, device, gpuChoice(), why);
        second.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, row, second);
    }

    /** "GPUs: [n]", enabled only when several GPUs are visible; the tooltip says what it does or why it is off. */
    private Node gpuChoice() {
        DeviceViewModel devices = vm.devices();
        ChoiceBox<Integer> gpus = new ChoiceBox<>(devices.gpuChoices());
        gpus.setId("gpusChoice");
        gpus.valueProperty().bindBidirectional(devices.gpusProperty());
        gpus.disableProperty().bind(devices.severalGpusProperty().not().or(vm.runningProperty()));
        Label label = new Label("GPUs:");
        label.setLabelFor(gpus);
        HBox box = new HBox(4, label, gpus);
        box.setAlignment(Pos.CENTER_LEFT);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(devices.gpusHintProperty());
        Tooltip.install(box, tip);
        Tooltip.install(gpus, tip);
        return box;
    }

    private void announce(RunEnd end) {
        if (end == null || root.getScene() == null) {
            return;
        }
        if (end.state() == RunState.FAILED && end.failure() != null) {
            ErrorDialogs.show(root.getScene().getWindow(), "Training failed", end.failure());
            return;
        }
        Notifications n = Notifications.create().title("Transfer Workbench").text(end.summary())
                .owner(root.getScene().getWindow()).hideAfter(Duration.seconds(6));
        if (end.state() == RunState.SUCCEEDED) {
            n.showInformation();
        } else {
            n.showWarning();
        }
    }
}
