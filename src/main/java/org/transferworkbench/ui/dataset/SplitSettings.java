package org.transferworkbench.ui.dataset;

import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.transferworkbench.engine.data.SplitSpec;

/** The split form's text fields, parsed into a {@link SplitSpec} or a sentence saying what is wrong. */
public final class SplitSettings {
    private final StringProperty train = new SimpleStringProperty("0.70");
    private final StringProperty validation = new SimpleStringProperty("0.15");
    private final StringProperty test = new SimpleStringProperty("0.15");
    private final StringProperty seed = new SimpleStringProperty("42");
    private final StringProperty groupPattern = new SimpleStringProperty("");

    public StringProperty trainProperty() {
        return train;
    }

    public StringProperty validationProperty() {
        return validation;
    }

    public StringProperty testProperty() {
        return test;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public StringProperty groupPatternProperty() {
        return groupPattern;
    }

    /** @throws IllegalArgumentException with a sentence for the user */
    public SplitSpec toSpec() {
        return new SplitSpec(fraction("Training", train.get()), fraction("Validation", validation.get()),
                fraction("Test", test.get()), parseSeed(seed.get()), groupPattern.get());
    }

    public void load(SplitSpec spec) {
        train.set(String.format(Locale.ROOT, "%.2f", spec.trainFraction()));
        validation.set(String.format(Locale.ROOT, "%.2f", spec.validationFraction()));
        test.set(String.format(Locale.ROOT, "%.2f", spec.testFraction()));
        seed.set(Long.toString(spec.seed()));
        groupPattern.set(spec.groupPattern() == null ? "" : spec.groupPattern());
    }

    private static double fraction(String what, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(what + " fraction '" + text + "' is not a number.", e);
        }
    }

    static long parseSeed(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("The seed must be a whole number; got '" + text + "'.", e);
        }
    }
}
