package org.transferworkbench.engine.features;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.transferworkbench.engine.data.ResizePolicy;
import org.transferworkbench.engine.data.SplitEntry;

/**
 * Identifies a set of cached features: what the frozen weights are (a hash of their values, so any source of
 * weights is covered), where the network is cut, the input size and preprocessing, and each image file's path,
 * size and modification time. Change any of these and the key changes, so a stale cache is never read.
 */
public final class FeatureCacheKey {
    static final int FORMAT_VERSION = 1;

    private FeatureCacheKey() {
    }

    public static String of(String frozenWeightsHash, String featureLayer, int inputSize, ResizePolicy policy,
                            Path datasetRoot, List<SplitEntry> entries) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            update(md, "v" + FORMAT_VERSION, frozenWeightsHash, featureLayer, Integer.toString(inputSize),
                    policy.name(), "bgr-caffe-means");
            for (SplitEntry e : entries) {
                Path file = datasetRoot.resolve(e.relativePath());
                update(md, e.relativePath(), e.className(), Long.toString(Files.size(file)),
                        Long.toString(Files.getLastModifiedTime(file).toMillis()));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest md, String... parts) {
        for (String p : parts) {
            md.update(p.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
    }
}
