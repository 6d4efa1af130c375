package org.transferworkbench.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** Builds the dataset fingerprint described at {@link DatasetScan#fingerprint()}. */
final class DatasetFingerprint {
    static final int HEAD_BYTES = 64 * 1024;

    private final Map<String, String> linesByPath = new TreeMap<>();

    /** Hash of the first {@link #HEAD_BYTES} of a file. */
    static byte[] headHash(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            digest.update(in.readNBytes(HEAD_BYTES));
        }
        return digest.digest();
    }

    void add(String relativePath, long size, byte[] headHash) {
        linesByPath.put(relativePath, relativePath + '\0' + size + '\0' + HexFormat.of().formatHex(headHash) + '\n');
    }

    /** Order-independent input: entries are hashed sorted by path, whatever order the workers finished in. */
    String toHex() {
        MessageDigest digest = sha256();
        linesByPath.values().forEach(line -> digest.update(line.getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
