package org.transferworkbench.engine.data;

import java.util.Arrays;

/** The three parts of a dataset: train on one, choose settings on another, report on the last. */
public enum Split {
    TRAIN("train"), VALIDATION("validation"), TEST("test");

    private final String csvName;

    Split(String csvName) {
        this.csvName = csvName;
    }

    /** The lower-case name written to split manifests. */
    public String csvName() {
        return csvName;
    }

    public static Split fromCsvName(String name) {
        return Arrays.stream(values()).filter(split -> split.csvName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown split '" + name + "'; expected train, validation or test."));
    }
}
