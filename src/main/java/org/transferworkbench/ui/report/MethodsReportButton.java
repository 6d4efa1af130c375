package org.transferworkbench.ui.report;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanExpression;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Tooltip;
import org.transferworkbench.engine.runs.RunDirectory;

/** The "Methods report…" button: writes the chosen run's (or study's) report, then offers to open its folder. */
public final class MethodsReportButton {

    private MethodsReportButton() {
    }

    /**
     * @param vm    one per button, so that only the button that was clicked offers to open the folder
     * @param run   the run the button acts on, read when it is clicked
     * @param noRun true while there is no run to report on (disables the button)
     */
    public static Button create(MethodsReportViewModel vm, Supplier<RunDirectory> run,
                                BooleanExpression noRun) {
        return create(vm, () -> vm.write(run.get()), noRun, "Write an HTML and Markdown report of the run for a "
                + "paper or a reviewer: data, split, model, weights, settings, versions, hardware, curves, confusion "
                + "matrix and per-class figures with 95% confidence intervals");
    }

    /**
     * The button for any report written through {@code vm}.
     *
     * @param write    starts writing (through {@code vm}) when clicked
     * @param nothing  true while there is nothing to report on (disables the button)
     * @param tooltip  what the report holds
     */
    public static Button create(MethodsReportViewModel vm, Runnable write, BooleanExpression nothing,
                                String tooltip) {
        Button button = new Button("Methods report…");
        button.getStyleClass().add("methods-report");
        button.setTooltip(new Tooltip(tooltip));
        button.disableProperty().bind(nothing.or(vm.busyProperty()));
        button.setOnAction(e -> write.run());
        vm.writtenProperty().addListener((obs, old, folder) -> {
            if (folder != null && button.getScene() != null && button.getScene().getWindow() != null
                    && button.getScene().getWindow().isShowing()) {
                offerToOpen(button, vm, folder);
            }
        });
        return button;
    }

    private static void offerToOpen(Button owner, MethodsReportViewModel vm, Path folder) {
        ButtonType open = new ButtonType("Open folder", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "The methods report (report.html, report.md and the "
                + "figures) is in\n" + folder, open, ButtonType.CLOSE);
        alert.initOwner(owner.getScene().getWindow());
        alert.setHeaderText("Methods report written");
        alert.showAndWait().filter(b -> b == open).ifPresent(b -> vm.openFolder(folder));
    }
}
