package org.transferworkbench.ui.evaluation;

import java.nio.file.Path;

/** One test image's answer: its true class, the model's, and how sure the model was. */
public record TestPrediction(Path image, String actual, String predicted, double confidence) {

    public boolean correct() {
        return actual.equals(predicted);
    }
}
