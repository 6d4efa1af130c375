package org.transferworkbench.engine.stats;

/** One class's precision, recall and F1, each with its bootstrap interval; support counts the test images. */
public record ClassIntervals(String className, Interval precision, Interval recall, Interval f1, long support) {
}
