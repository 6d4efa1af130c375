package org.transferworkbench.ui.dataset;

/** The number of images of one class in each split. */
public record SplitRow(String className, int train, int validation, int test) {
}
