package org.transferworkbench.engine.study;

/** The test figures a study compares its arms on. */
public enum StudyMetric {
    ACCURACY("accuracy"), BALANCED_ACCURACY("balanced accuracy"), MACRO_F1("macro-F1");

    private final String label;

    StudyMetric(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
