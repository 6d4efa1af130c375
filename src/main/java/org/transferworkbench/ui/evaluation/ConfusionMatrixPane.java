package org.transferworkbench.ui.evaluation;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.transferworkbench.engine.eval.ConfusionMatrix;
import org.transferworkbench.engine.eval.EvaluationReport;

/**
 * The confusion matrix as a heat map of cells: the fill's opacity is the cell's row share, its colour comes
 * from workbench.css ({@code .heat-fill}).
 */
final class ConfusionMatrixPane {
    private final GridPane grid = new GridPane();

    ConfusionMatrixPane() {
        grid.setId("confusionMatrix");
        grid.getStyleClass().add("confusion-matrix");
    }

    GridPane node() {
        return grid;
    }

    void show(EvaluationReport report, boolean normalised) {
        grid.getChildren().clear();
        if (report == null) {
            return;
        }
        ConfusionMatrix m = report.confusionMatrix();
        double[][] share = m.rowNormalised();
        int n = report.classNames().size();
        Label corner = new Label("actual ↓  predicted →");
        corner.getStyleClass().add("hint");
        grid.add(corner, 0, 0);
        for (int j = 0; j < n; j++) {
            Label head = new Label(report.classNames().get(j));
            head.getStyleClass().add("matrix-header");
            grid.add(head, j + 1, 0);
        }
        for (int i = 0; i < n; i++) {
            Label rowHead = new Label(report.classNames().get(i));
            rowHead.getStyleClass().add("matrix-header");
            grid.add(rowHead, 0, i + 1);
            for (int j = 0; j < n; j++) {
                grid.add(cell(m.count(i, j), share[i][j], normalised, i == j), j + 1, i + 1);
            }
        }
    }

    private static StackPane cell(long count, double share, boolean normalised, boolean diagonal) {
        Region fill = new Region();
        fill.getStyleClass().add(diagonal ? "heat-fill-correct" : "heat-fill");
        fill.setOpacity(0.08 + 0.92 * share);
        Label text = new Label(normalised ? String.format(Locale.ROOT, "%.0f %%", 100 * share) : Long.toString(count));
        text.getStyleClass().add(share > 0.5 ? "heat-text-strong" : "heat-text");
        StackPane cell = new StackPane(fill, text);
        cell.getStyleClass().add("heat-cell");
        return cell;
    }
}
