package org.transferworkbench.ui.fx;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom line: the newest running job with its progress and a cancel button. */
public final class StatusBar {
    private final HBox box = new HBox(8);
    private final Label title = new Label("Ready.");
    private final ProgressBar bar = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final TaskExecutor executor;

    public StatusBar(TaskExecutor executor, Label right) {
        this.executor = executor;
        box.getStyleClass().add("status-bar");
        box.setAlignment(Pos.CENTER_LEFT);
        bar.setPrefWidth(160);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        box.getChildren().addAll(title, bar, cancel, spacer, right);
        executor.activeJobs().addListener((ListChangeListener<JobHandle>) c -> show());
        show();
    }

    private void show() {
        title.textProperty().unbind();
        bar.progressProperty().unbind();
        var jobs = executor.activeJobs();
        boolean busy = !jobs.isEmpty();
        bar.setVisible(busy);
        cancel.setVisible(busy);
        if (!busy) {
            title.setText("Ready.");
            return;
        }
        JobHandle job = jobs.get(jobs.size() - 1);
        title.textProperty().bind(job.titleProperty().concat(" ").concat(job.messageProperty())
                .concat(jobs.size() > 1 ? " (+" + (jobs.size() - 1) + " more)" : ""));
        bar.progressProperty().bind(job.progressProperty());
        cancel.setOnAction(e -> job.cancel());
    }

    public HBox node() {
        return box;
    }
}
