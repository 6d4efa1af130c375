package org.transferworkbench.ui.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.engine.study.StudyArm;
import org.transferworkbench.engine.study.StudyFolder;
import org.transferworkbench.engine.study.StudySpec;
import org.transferworkbench.engine.study.StudyStore;
import org.transferworkbench.testing.ShapesDataset;
import org.transferworkbench.ui.WorkbenchApp;
import org.transferworkbench.ui.fx.FxTaskExecutor;
import org.transferworkbench.ui.fx.WorkbenchContext;
import org.transferworkbench.ui.fx.WorkbenchSettings;

/** The Studies tab headless: the Methods report button waits for a study, writes its report, offers the folder. */
@ExtendWith(ApplicationExtension.class)
class StudiesViewTest {
    @TempDir
    static Path dir;
    private FxTaskExecutor executor;
    private StudiesViewModel vm;
    private StudyFolder study;

    @Start
    void start(Stage stage) throws Exception {
        executor = new FxTaskExecutor();
        RunStore store = new RunStore(dir.resolve("runs"));
        Path data = ShapesDataset.write(dir.resolve("shapes"), 3, 32, 5);
        study = new StudyStore(store.root()).create(new StudySpec("planned", data, Map.of("model", "vgg11",
                "input", "32"), List.of(new StudyArm("a", Map.of()), new StudyArm("b", Map.of("lr", "0.01"))),
                List.of(1L), 0), LocalDateTime.now());
        WorkbenchContext context = new WorkbenchContext(dir, store,
                new WorkbenchSettings(java.util.prefs.Preferences.userRoot().node("tw-test-studies-view")), executor);
        vm = new StudiesViewModel(context, () -> {
            throw new IllegalArgumentException("unused");
        });
        Scene scene = new Scene((javafx.scene.Parent) new StudiesView(vm).root(), 1200, 700);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        executor.shutdown(Duration.ofSeconds(10));
    }

    @Test
    void theMethodsReportButtonWritesTheSelectedStudysReport(FxRobot robot) throws Exception {
        Button report = robot.lookup("#studyMethodsReport").queryAs(Button.class);
        assertThat(report.isDisabled()).isTrue();

        robot.interact(vm::refresh);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.rows().size() == 1);
        robot.interact(() -> vm.selectedProperty().set(vm.rows().get(0)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !report.isDisabled());
        robot.clickOn(report);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Methods report written");
        assertThat(dialog.getContentText()).contains(study.path().resolve("report").toString());
        // fired rather than clicked: right after it opens, a headless dialog's buttons may not be laid out yet
        robot.interact(() -> ((Button) dialog.lookupButton(javafx.scene.control.ButtonType.CLOSE)).fire());
        assertThat(Files.readString(study.path().resolve("report/report.md"))).contains("planned",
                "No run of this study has started yet", "2 of 2 repeats are missing");
        assertThat(vm.messageProperty().get()).startsWith("Methods report written to ");
    }
}
