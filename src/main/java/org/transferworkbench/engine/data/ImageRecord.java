package org.transferworkbench.engine.data;

/**
 * One usable image of a dataset.
 *
 * @param relativePath path below the dataset root with '/' separators on every platform, so manifests travel
 * @param className    the class folder the image lives in
 */
public record ImageRecord(String relativePath, String className) {
}
