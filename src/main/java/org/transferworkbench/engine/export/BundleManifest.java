package org.transferworkbench.engine.export;

import java.time.Instant;
import java.util.SortedMap;

/**
 * manifest.json: which files make up a bundle, each with its SHA-256, and what made it. Every other file of
 * the bundle is listed; the manifest itself is not.
 *
 * @param sourceRun the run folder the model came from
 * @param files     relative path (with '/') to lower-case hex SHA-256
 */
public record BundleManifest(int formatVersion, String workbenchVersion, String deeplearning4jVersion,
                             Instant createdAt, String sourceRun, String model, SortedMap<String, String> files) {

    public static final int FORMAT_VERSION = 1;
}
