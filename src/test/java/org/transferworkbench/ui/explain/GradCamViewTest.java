package org.transferworkbench.ui.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.ui.WorkbenchApp;
import org.transferworkbench.ui.fx.FxTaskExecutor;
import org.transferworkbench.ui.fx.WorkbenchContext;
import org.transferworkbench.ui.fx.WorkbenchSettings;

/** The Grad-CAM window headless: its controls, and a run without a model explained in one sentence, not a crash. */
@ExtendWith(ApplicationExtension.class)
class GradCamViewTest {
    @TempDir
    static Path dir;
    private FxTaskExecutor executor;
    private GradCamViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        executor = new FxTaskExecutor();
        RunStore store = new RunStore(dir.resolve("runs"));
        RunDirectory empty = store.create("untrained", java.time.LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        WorkbenchContext context = new WorkbenchContext(dir, store,
                new WorkbenchSettings(java.util.prefs.Preferences.userRoot().node("tw-test-gradcam-view")), executor);
        vm = new GradCamViewModel(context, new GradCamModels(), empty, dir.resolve("cell.png"));
        Scene scene = new Scene(new GradCamView(vm).root());
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        executor.shutdown(Duration.ofSeconds(10));
    }

    @Test
    void aRunWithoutAModelIsExplainedInTheMessageAndNothingCanBeExported(FxRobot robot) throws Exception {
        robot.interact(vm::open);
        Label message = robot.lookup("#gradCamMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message.getText().startsWith("Could not load"));

        assertThat(message.getText()).contains("has no trained model yet");
        assertThat(robot.lookup("#gradCamExport").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#gradCamLayer").queryAs(ComboBox.class).getItems()).isEmpty();
        assertThat(robot.lookup("#gradCamClass").queryAs(ComboBox.class).getValue())
                .isEqualTo(GradCamViewModel.PREDICTED);
        assertThat(robot.lookup("#gradCamImage").queryAs(ImageView.class).getImage()).isNull();
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
