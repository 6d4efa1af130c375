package org.transferworkbench.engine.data;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps resized images between epochs so each file is decoded once per run, not once per epoch: decoding a
 * camera JPEG costs far more than augmenting 224 x 224 pixels. Least recently used images go first once the
 * byte budget is spent. Thread-safe.
 */
final class ResizedImageCache {
    private final long budgetBytes;
    private final LinkedHashMap<String, BufferedImage> images = new LinkedHashMap<>(16, 0.75f, true);
    private long usedBytes;

    ResizedImageCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    synchronized BufferedImage get(String key) {
        return images.get(key);
    }

    synchronized void put(String key, BufferedImage image) {
        long size = bytesOf(image);
        if (size > budgetBytes) {
            return;
        }
        BufferedImage previous = images.put(key, image);
        usedBytes += size - (previous == null ? 0 : bytesOf(previous));
        var eldest = images.entrySet().iterator();
        while (usedBytes > budgetBytes && eldest.hasNext()) {
            Map.Entry<String, BufferedImage> entry = eldest.next();
            usedBytes -= bytesOf(entry.getValue());
            eldest.remove();
        }
    }

    synchronized long usedBytes() {
        return usedBytes;
    }

    synchronized void clear() {
        images.clear();
        usedBytes = 0;
    }

    private static long bytesOf(BufferedImage image) {
        return (long) image.getWidth() * image.getHeight() * Integer.BYTES;
    }
}
