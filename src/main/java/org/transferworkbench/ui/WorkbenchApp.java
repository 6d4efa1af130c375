package org.transferworkbench.ui;

import java.io.InputStream;
import java.time.Duration;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.transferworkbench.ui.fx.FxTaskExecutor;
import org.transferworkbench.ui.fx.StallProbe;
import org.transferworkbench.ui.fx.WorkbenchContext;
import org.transferworkbench.ui.fx.WorkbenchSettings;

/** The JavaFX application: one window, its size remembered, its work cancelled on close. */
public final class WorkbenchApp extends Application {
    static final String TITLE = "Transfer Workbench";
    static final Duration CLOSE_WAIT = Duration.ofSeconds(15);
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        WorkbenchContext context = WorkbenchContext.fromEnvironment(new FxTaskExecutor());
        window = new MainWindow(context);
        WorkbenchSettings settings = context.settings();
        Scene scene = new Scene(window.root(), settings.getDouble("window.width", 1360),
                settings.getDouble("window.height", 860));
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setTitle(TITLE);
        try (InputStream icon = WorkbenchApp.class.getResourceAsStream("icon.png")) {
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        } catch (java.io.IOException e) {
            // no icon is not worth failing over
        }
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            settings.putDouble("window.width", scene.getWidth());
            settings.putDouble("window.height", scene.getHeight());
            window.close(CLOSE_WAIT);
        });
        stage.show();
        StallProbe.startIfRequested();
        window.start();
    }

    MainWindow window() {
        return window;
    }

    public static void launchWindow(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
