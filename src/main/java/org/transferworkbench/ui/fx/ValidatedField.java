package org.transferworkbench.ui.fx;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A text the user types, its parsed value, and a sentence when it is not acceptable (empty when it is). */
public final class ValidatedField<T> {
    private final StringProperty text = new SimpleStringProperty();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final Function<String, T> parser;
    private final BooleanBinding valid = Bindings.createBooleanBinding(() -> error.get().isEmpty(), error);

    /** @param parser turns the text into a value or throws IllegalArgumentException with the sentence to show */
    public ValidatedField(String initial, Function<String, T> parser) {
        this.parser = parser;
        text.addListener((obs, old, now) -> validate());
        text.set(initial);
    }

    private void validate() {
        try {
            parser.apply(text.get() == null ? "" : text.get().trim());
            error.set("");
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** @throws IllegalArgumentException when the text is not valid */
    public T value() {
        return parser.apply(text.get() == null ? "" : text.get().trim());
    }

    public static Function<String, Double> decimal(String what, double low, boolean lowInclusive, double high) {
        return s -> {
            double v;
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " must be a number.", e);
            }
            if (!Double.isFinite(v) || (lowInclusive ? v < low : v <= low) || v > high) {
                throw new IllegalArgumentException(what + " must be " + (lowInclusive ? "from " : "above ") + low
                        + " to " + high + ".");
            }
            return v;
        };
    }

    public static Function<String, Long> whole(String what, long low, long high) {
        return s -> {
            long v;
            try {
                v = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " must be a whole number.", e);
            }
            if (v < low || v > high) {
                throw new IllegalArgumentException(what + " must be from " + low + " to " + high + ".");
            }
            return v;
        };
    }
}
