package org.transferworkbench.engine.features;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Features of one split, held in memory when they fit the budget and read row by row from disk otherwise.
 */
public final class CachedFeatures implements AutoCloseable {
    private final FeatureFileHeader header;
    private final float[] inMemory;
    private final FileChannel channel;

    private CachedFeatures(FeatureFileHeader header, float[] inMemory, FileChannel channel) {
        this.header = header;
        this.inMemory = inMemory;
        this.channel = channel;
    }

    static CachedFeatures open(FeatureFileHeader header, Path data, long memoryBudgetBytes) throws IOException {
        long bytes = header.rows() * header.floatsPerRow() * Float.BYTES;
        FileChannel ch = FileChannel.open(data, StandardOpenOption.READ);
        if (ch.size() != bytes) {
            ch.close();
            throw new IOException("Feature cache " + data + " has " + ch.size() + " bytes, expected " + bytes + ".");
        }
        if (bytes > memoryBudgetBytes || bytes / Float.BYTES > Integer.MAX_VALUE - 8) {
            return new CachedFeatures(header, null, ch);
        }
        try (ch) {
            float[] all = new float[(int) (bytes / Float.BYTES)];
            ch.map(FileChannel.MapMode.READ_ONLY, 0, bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(all);
            return new CachedFeatures(header, all, null);
        }
    }

    public FeatureFileHeader header() {
        return header;
    }

    public boolean inMemory() {
        return inMemory != null;
    }

    /** Copies row {@code row} into {@code target} at {@code offset}. */
    void readRow(int row, float[] target, int offset) throws IOException {
        int width = (int) header.floatsPerRow();
        if (inMemory != null) {
            System.arraycopy(inMemory, row * width, target, offset, width);
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate(width * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        long position = (long) row * width * Float.BYTES;
        while (buf.hasRemaining()) {
            if (channel.read(buf, position + buf.position()) < 0) {
                throw new IOException("Feature cache ended early at row " + row + ".");
            }
        }
        buf.flip();
        buf.asFloatBuffer().get(target, offset, width);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
