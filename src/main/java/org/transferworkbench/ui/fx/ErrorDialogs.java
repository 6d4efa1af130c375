package org.transferworkbench.ui.fx;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.transferworkbench.engine.experiment.Errors;

/** Failures as a dialog: one sentence a user can act on, the stack trace behind "Show details". */
public final class ErrorDialogs {

    private ErrorDialogs() {
    }

    public static void show(Window owner, String title, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(Errors.sentence(error));
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        details.getStyleClass().add("details");
        alert.getDialogPane().setExpandableContent(details);
        alert.show();
    }
}
