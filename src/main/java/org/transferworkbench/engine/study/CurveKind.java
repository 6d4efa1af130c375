package org.transferworkbench.engine.study;

import org.transferworkbench.engine.training.EpochMetrics;

/** The four learning curves a study averages over repeats. */
public enum CurveKind {
    TRAIN_ACCURACY("training accuracy"), VALIDATION_ACCURACY("validation accuracy"),
    TRAIN_LOSS("training loss"), VALIDATION_LOSS("validation loss");

    private final String label;

    CurveKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isAccuracy() {
        return this == TRAIN_ACCURACY || this == VALIDATION_ACCURACY;
    }

    public double of(EpochMetrics m) {
        return switch (this) {
            case TRAIN_ACCURACY -> m.trainAccuracy();
            case VALIDATION_ACCURACY -> m.validationAccuracy();
            case TRAIN_LOSS -> m.trainLoss();
            case VALIDATION_LOSS -> m.validationLoss();
        };
    }
}
