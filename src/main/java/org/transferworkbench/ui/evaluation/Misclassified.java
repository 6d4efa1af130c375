package org.transferworkbench.ui.evaluation;

import java.nio.file.Path;

/** A test image the model got wrong, with how sure it was. */
public record Misclassified(Path image, String actual, String predicted, double confidence) {
}
