package org.transferworkbench.engine.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * Phones store photos sideways and record the needed turn in the EXIF Orientation tag (values 1 to 8);
 * a network fed the stored pixels would learn from sideways pictures, so we apply the tag.
 */
final class ExifOrientation {
    static final int NORMAL = 1;
    private static final Logger LOG = LoggerFactory.getLogger(ExifOrientation.class);

    private ExifOrientation() {
    }

    /** The EXIF orientation of a JPEG, or {@link #NORMAL} when absent or unreadable (metadata is optional). */
    static int read(Path jpeg) {
        try (ImageInputStream in = new FileImageInputStream(jpeg.toFile())) {
            List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (segments.isEmpty()) {
                return NORMAL;
            }
            try (InputStream data = segments.get(0).data()) {
                data.read(); // the pad byte after "Exif\0"
                Directory exif = new TIFFReader().read(new MemoryCacheImageInputStream(data));
                Entry entry = exif.getEntryById(TIFF.TAG_ORIENTATION);
                if (entry != null && entry.getValue() instanceof Number number) {
                    int value = number.intValue();
                    return value >= 1 && value <= 8 ? value : NORMAL;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Ignoring unreadable EXIF data in {}", jpeg, e);
        }
        return NORMAL;
    }

    /** Returns the image as it should be displayed; orientations 5 to 8 swap width and height. */
    static BufferedImage apply(BufferedImage rgb, int orientation) {
        if (orientation == NORMAL) {
            return rgb;
        }
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        boolean swaps = orientation >= 5;
        int outW = swaps ? h : w;
        int outH = swaps ? w : h;
        int[] src = rgb.getRGB(0, 0, w, h, null, 0, w);
        int[] dst = new int[src.length];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                dst[y * outW + x] = src[sourceIndex(orientation, x, y, w, h)];
            }
        }
        BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, outW, outH, dst, 0, outW);
        return out;
    }

    private static int sourceIndex(int orientation, int x, int y, int w, int h) {
        return switch (orientation) {
            case 2 -> y * w + (w - 1 - x);               // mirrored left-right
            case 3 -> (h - 1 - y) * w + (w - 1 - x);     // upside down
            case 4 -> (h - 1 - y) * w + x;               // mirrored top-bottom
            case 5 -> x * w + y;                         // transposed
            case 6 -> (h - 1 - x) * w + y;               // needs a quarter turn clockwise
            case 7 -> (h - 1 - x) * w + (w - 1 - y);     // transversed
            case 8 -> x * w + (w - 1 - y);               // needs a quarter turn anticlockwise
            default -> y * w + x;
        };
    }
}
