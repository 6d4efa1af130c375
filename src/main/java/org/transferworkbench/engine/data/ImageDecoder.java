package org.transferworkbench.engine.data;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the app turns an image file into pixels.
 *
 * <p>The format is recognised by content, not by extension, so a PNG named {@code .jpg} decodes fine.
 * Image dimensions are read from the header and checked against {@link #MAX_PIXELS} and {@link #MAX_SIDE}
 * before any pixel memory is allocated, so a decompression bomb costs a few bytes of reading.
 */
public final class ImageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(ImageDecoder.class);
    /** Largest accepted image area; 40 MP covers every camera in a lab, and a decoded one already needs 160 MB. */
    public static final long MAX_PIXELS = 40_000_000L;
    /** Longest accepted side; stops 20 x 2,000,000 strips that pass the area test but are not photographs. */
    public static final int MAX_SIDE = 20_000;

    private ImageDecoder() {
    }

    /**
     * Decodes an image into {@link BufferedImage#TYPE_INT_RGB}: grey becomes three equal channels, 16-bit samples
     * keep their top 8 bits, transparency is composited onto white (a transparent PNG background then looks
     * like the paper it was drawn on instead of turning black), GIFs give their first frame, CMYK JPEGs are
     * converted by TwelveMonkeys, and the EXIF orientation of JPEGs is applied so the image stands upright.
     */
    public static BufferedImage readRgb(Path file) throws IOException {
        DecodedImage decoded = decode(file);
        BufferedImage rgb = RgbConversion.toRgb(decoded.image());
        int orientation = decoded.isJpeg() ? ExifOrientation.read(file) : ExifOrientation.NORMAL;
        return ExifOrientation.apply(rgb, orientation);
    }

    /** The stored width and height from the file header, without decoding pixels and before EXIF rotation. */
    public static Dimension readSize(Path file) throws IOException {
        try (ImageInputStream in = open(file)) {
            ImageReader reader = readerFor(in);
            try {
                reader.setInput(in, true, true);
                return new Dimension(reader.getWidth(0), reader.getHeight(0));
            } catch (IOException | RuntimeException e) {
                throw notReadable(reader, e);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Decodes fully (to catch truncated or corrupt data) without converting; used by the scanner. */
    static void validate(Path file) throws IOException {
        decode(file);
    }

    private static DecodedImage decode(Path file) throws IOException {
        try (ImageInputStream in = open(file)) {
            ImageReader reader = readerFor(in);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            try {
                reader.setInput(in, true, true);
                checkSize(reader.getWidth(0), reader.getHeight(0));
                BufferedImage image = reader.read(0, reader.getDefaultReadParam());
                failOnDamageWarnings(file, reader, warnings);
                return new DecodedImage(image, "jpeg".equals(formatName(reader)));
            } catch (UnreadableImageException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw notReadable(reader, e);
            } finally {
                reader.dispose();
            }
        }
    }

    static void checkSize(int width, int height) throws UnreadableImageException {
        if (width <= 0 || height <= 0) {
            throw new UnreadableImageException(
                    "not a readable image: header says " + width + "x" + height + " pixels");
        }
        if ((long) width * height > MAX_PIXELS) {
            throw new UnreadableImageException("image too large: header says " + width + "x" + height
                    + " pixels (limit " + MAX_PIXELS / 1_000_000 + " megapixels)");
        }
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw new UnreadableImageException("image too large: header says " + width + "x" + height
                    + " pixels (limit " + MAX_SIDE + " pixels per side)");
        }
    }

    private static ImageInputStream open(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new UnreadableImageException("unreadable: the file no longer exists");
        }
        if (!Files.isReadable(file)) {
            throw new UnreadableImageException("unreadable: permission denied");
        }
        if (Files.size(file) == 0) {
            throw new UnreadableImageException("empty file (0 bytes)");
        }
        // A file-backed stream: ImageIO's InputStream wrapper would spill a cache file into the temp directory.
        return new FileImageInputStream(file.toFile());
    }

    private static ImageReader readerFor(ImageInputStream in) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            in.close();
            throw new UnreadableImageException("not a readable image: the content is not a known image format");
        }
        return readers.next();
    }

    /**
     * Readers report a truncated file as a warning and hand back a half-grey picture; we refuse those. Other
     * warnings pass: many cameras write harmless stray bytes ("extraneous bytes before marker") into good photos.
     */
    private static void failOnDamageWarnings(Path file, ImageReader reader, List<String> warnings)
            throws UnreadableImageException {
        for (String warning : warnings) {
            String lower = warning.toLowerCase(Locale.ROOT);
            if (lower.contains("premature end") || lower.contains("truncat")) {
                throw new UnreadableImageException("not a readable image: truncated " + formatLabel(reader) + " data");
            }
            LOG.debug("Decoder warning for {}: {}", file, warning);
        }
    }

    private static UnreadableImageException notReadable(ImageReader reader, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return new UnreadableImageException(
                        "not a readable image: truncated " + formatLabel(reader) + " data", e);
            }
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new UnreadableImageException("not a readable image: " + firstLowerCase(detail.strip()), e);
    }

    private static String formatName(ImageReader reader) throws IOException {
        return reader.getFormatName().toLowerCase(Locale.ROOT);
    }

    private static String formatLabel(ImageReader reader) {
        try {
            return formatName(reader).toUpperCase(Locale.ROOT);
        } catch (IOException e) {
            return "image";
        }
    }

    private static String firstLowerCase(String text) {
        if (text.isEmpty() || text.length() > 1 && Character.isUpperCase(text.charAt(1))) {
            return text; // keeps acronyms such as "JPEG" intact
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private record DecodedImage(BufferedImage image, boolean isJpeg) {
    }
}
