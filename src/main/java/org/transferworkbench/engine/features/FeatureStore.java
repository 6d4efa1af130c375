package org.transferworkbench.engine.features;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.transferworkbench.engine.io.Json;

/**
 * The on-disk feature cache: per key a raw little-endian float file ({@code <key>.f32}) and its JSON header
 * ({@code <key>.json}). Both are written under temporary names and moved into place, data first, header last.
 */
public final class FeatureStore {
    private final Path directory;
    private final long memoryBudgetBytes;

    public FeatureStore(Path directory, long memoryBudgetBytes) {
        this.directory = directory;
        this.memoryBudgetBytes = memoryBudgetBytes;
    }

    /** -Dtw.featureCacheDir, else $TW_FEATURE_CACHE, else ~/.transfer-workbench/feature-cache. */
    public static Path defaultDirectory() {
        String env = System.getProperty("tw.featureCacheDir", System.getenv("TW_FEATURE_CACHE"));
        return env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".transfer-workbench", "feature-cache");
    }

    public Path directory() {
        return directory;
    }

    public Optional<CachedFeatures> open(String key) throws IOException {
        Path header = directory.resolve(key + ".json");
        Path data = directory.resolve(key + ".f32");
        if (!Files.isRegularFile(header) || !Files.isRegularFile(data)) {
            return Optional.empty();
        }
        FeatureFileHeader h = Json.read(header, FeatureFileHeader.class);
        if (h.formatVersion() != FeatureCacheKey.FORMAT_VERSION || !key.equals(h.key())) {
            return Optional.empty();
        }
        return Optional.of(CachedFeatures.open(h, data, memoryBudgetBytes));
    }

    /** Starts writing features for {@code key}; rows are appended in order. */
    public Writer writer(String key) throws IOException {
        Files.createDirectories(directory);
        return new Writer(key);
    }

    /** Appends rows to a temporary file; {@link #commit} makes them visible, {@link #close} alone discards them. */
    public final class Writer implements AutoCloseable {
        private final String key;
        private final Path tmp;
        private final FileChannel channel;
        private boolean committed;

        private Writer(String key) throws IOException {
            this.key = key;
            this.tmp = Files.createTempFile(directory, "." + key, ".f32.partial");
            this.channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
        }

        public void append(float[] values) throws IOException {
            ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            buf.asFloatBuffer().put(values);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        }

        public void commit(FeatureFileHeader header) throws IOException {
            channel.force(true);
            channel.close();
            Files.move(tmp, directory.resolve(key + ".f32"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            Json.writeAtomically(directory.resolve(key + ".json"), header);
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                channel.close();
                Files.deleteIfExists(tmp);
            }
        }
    }
}
