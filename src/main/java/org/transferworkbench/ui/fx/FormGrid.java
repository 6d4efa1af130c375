package org.transferworkbench.ui.fx;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** A two-column form (label, control) with an error line under each validated field. */
public final class FormGrid {
    private final GridPane grid = new GridPane();
    private int row;

    public FormGrid() {
        grid.getStyleClass().add("form-grid");
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, controls);
    }

    public FormGrid add(String label, Node control) {
        Label l = new Label(label);
        l.setLabelFor(control);
        grid.addRow(row++, l, control);
        return this;
    }

    public FormGrid section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("form-section");
        grid.add(l, 0, row++, 2, 1);
        return this;
    }

    /** A text field bound to {@code field}; invalid text turns it red and shows the sentence below it. */
    public TextField addValidated(String label, ValidatedField<?> field, String id, String hint) {
        TextField text = new TextField();
        text.setId(id);
        text.textProperty().bindBidirectional(field.textProperty());
        text.setTooltip(new Tooltip(hint));
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.textProperty().bind(field.errorProperty());
        error.managedProperty().bind(field.validProperty().not());
        error.visibleProperty().bind(field.validProperty().not());
        field.validProperty().addListener((obs, was, ok) -> markInvalid(text, !ok));
        markInvalid(text, !field.validProperty().get());
        add(label, text);
        grid.add(error, 1, row++);
        return text;
    }

    private static void markInvalid(Node node, boolean invalid) {
        if (invalid && !node.getStyleClass().contains("invalid")) {
            node.getStyleClass().add("invalid");
        } else if (!invalid) {
            node.getStyleClass().remove("invalid");
        }
    }

    public GridPane node() {
        return grid;
    }
}
