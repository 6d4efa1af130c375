package org.transferworkbench.ui.fx;

import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/** Read-only table columns computed from the row object. */
public final class Columns {

    private Columns() {
    }

    public static <R> TableColumn<R, String> text(String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A column that shows text but sorts by a number (nulls first). */
    public static <R> TableColumn<R, Double> number(String title, Function<R, Double> value,
                                                    Function<Double, String> format, double width) {
        TableColumn<R, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : format.apply(item));
            }
        });
        c.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        c.setPrefWidth(width);
        return c;
    }
}
