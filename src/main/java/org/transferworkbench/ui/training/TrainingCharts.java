package org.transferworkbench.ui.training;

import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.ColumnConstraints;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.ui.charts.LineChartPane;
import org.transferworkbench.ui.charts.LiveSeries;

/** Accuracy and loss per epoch, and the smoothed minibatch loss, following the view-model's lists. */
final class TrainingCharts {
    private final LineChartPane accuracy = new LineChartPane("Accuracy per epoch", "epoch", "accuracy",
            "accuracyChart", true);
    private final LineChartPane loss = new LineChartPane("Loss per epoch", "epoch", "loss", "lossChart", true);
    private final LineChartPane iterations = new LineChartPane("Minibatch loss (smoothed)", "iteration", "loss",
            "iterationChart", false);
    private final GridPane grid = new GridPane();

    TrainingCharts(TrainingViewModel vm) {
        LiveSeries.bind(vm.epochs(), accuracy.series("train"), EpochMetrics::epoch, EpochMetrics::trainAccuracy);
        LiveSeries.bind(vm.epochs(), accuracy.series("validation"), EpochMetrics::epoch,
                EpochMetrics::validationAccuracy);
        LiveSeries.bind(vm.epochs(), loss.series("train"), EpochMetrics::epoch, EpochMetrics::trainLoss);
        LiveSeries.bind(vm.epochs(), loss.series("validation"), EpochMetrics::epoch, EpochMetrics::validationLoss);
        LiveSeries.bind(vm.iterationLoss(), iterations.series("train (EMA)"), LossPoint::iteration,
                LossPoint::smoothedLoss);
        vm.bestEpochProperty().addListener((obs, old, best) -> {
            double x = best.intValue() < 1 ? Double.NaN : best.doubleValue();
            accuracy.markX(x, "best");
            loss.markX(x, "best");
        });
        grid.add(accuracy.node(), 0, 0);
        grid.add(loss.node(), 1, 0);
        grid.add(iterations.node(), 2, 0);
        for (int i = 0; i < 3; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / 3);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        grid.setHgap(6);
        GridPane.setVgrow(accuracy.node(), Priority.ALWAYS);
    }

    GridPane node() {
        return grid;
    }
}
