package org.transferworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.transferworkbench.engine.runs.RunState;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.testing.ShapesDataset;
import org.transferworkbench.ui.fx.FxTaskExecutor;
import org.transferworkbench.ui.fx.WorkbenchContext;
import org.transferworkbench.ui.fx.WorkbenchSettings;

/** The window end to end, headless: import, freeze toggles, a tiny training run that is stopped. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {
    @TempDir
    static Path dir;
    private MainWindow window;
    private WorkbenchSettings settings;

    @Start
    void start(Stage stage) {
        settings = new WorkbenchSettings(java.util.prefs.Preferences.userRoot().node("tw-test-window"));
        settings.clear();
        window = new MainWindow(new WorkbenchContext(dir, new RunStore(dir.resolve("runs")), settings,
                new FxTaskExecutor()));
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        window.close(Duration.ofSeconds(20));
        settings.clear();
    }

    @Test
    void importToggleTrainAndStop(FxRobot robot) throws Exception {
        Path data = ShapesDataset.write(dir.resolve("shapes"), 8, 32, 3);
        robot.interact(() -> window.dataset().importFolder(data));
        TableView<?> classes = robot.lookup("#classTable").queryAs(TableView.class);
        waitFor(30, TimeUnit.SECONDS, () -> classes.getItems().size() == 3);

        robot.clickOn("#tab-model");
        Label totals = robot.lookup("#totalsLabel").queryAs(Label.class);
        String before = totals.getText();
        robot.clickOn(robot.lookup("#freeze-block5").lookup(".thumb-area").queryAs(javafx.scene.Node.class));
        waitFor(5, TimeUnit.SECONDS, () -> !totals.getText().equals(before));
        assertThat(totals.getText()).isNotEqualTo(before);

        robot.interact(() -> {
            window.model().variantProperty().set(org.transferworkbench.engine.model.VggVariant.VGG11);
            window.model().inputSizeProperty().set(32);
            window.model().hiddenUnitsProperty().set(0);
        });
        type(robot, "#batchSize", "4");
        type(robot, "#epochs", "20");
        type(robot, "#patience", "0");
        assertThat(robot.lookup("#batchSize").queryAs(TextField.class).getStyleClass()).doesNotContain("invalid");

        robot.clickOn("#tab-training");
        Button start = robot.lookup("#startButton").queryAs(Button.class);
        waitFor(30, TimeUnit.SECONDS, () -> window.dataset().readyProperty().get());
        waitFor(10, TimeUnit.SECONDS, () -> !start.isDisabled());
        robot.clickOn(start);
        ChartViewer accuracy = robot.lookup("#accuracyChart").queryAs(ChartViewer.class);
        waitFor(90, TimeUnit.SECONDS, () -> accuracy.getChart().getXYPlot().getDataset().getItemCount(1) > 0);

        robot.clickOn("#stopButton");
        waitFor(60, TimeUnit.SECONDS, () -> window.training().lastEndProperty().get() != null);
        assertThat(window.training().lastEndProperty().get().state()).isEqualTo(RunState.CANCELLED);
        assertThat(new RunStore(dir.resolve("runs")).list().get(0).effectiveState()).isEqualTo(RunState.CANCELLED);
    }

    private static void type(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
    }
}
