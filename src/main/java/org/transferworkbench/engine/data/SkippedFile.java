package org.transferworkbench.engine.data;

/**
 * A file the scan did not use, with the reason shown to the user.
 *
 * @param relativePath path below the dataset root with '/' separators
 * @param reason       one plain sentence, e.g. "empty file (0 bytes)"
 */
public record SkippedFile(String relativePath, String reason) {
}
