package org.transferworkbench.engine.data;

/**
 * Where one image went.
 *
 * @param group the grouping key that kept related images together (the relative path when ungrouped)
 */
public record SplitEntry(String relativePath, String className, String group, Split split) {
}
