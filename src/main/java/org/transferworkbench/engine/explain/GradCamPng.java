package org.transferworkbench.engine.explain;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.transferworkbench.engine.io.AtomicFiles;

/**
 * Writes a Grad-CAM as two PNGs, atomically: {@code NAME.gradcam.png} (the map over the image) and
 * {@code NAME.gradcam-raw.png} (the map alone, grey). Both carry PNG text entries with the format version, run,
 * image, layer, classes and the map's maximum, so a figure can be traced back to what made it.
 */
public final class GradCamPng {
    public static final int FORMAT_VERSION = 1;
    private static final String PNG_METADATA = "javax_imageio_png_1.0";

    private GradCamPng() {
    }

    /** The two files written. */
    public record Written(Path overlay, Path raw) {
    }

    /** Writes into {@code folder} under {@code stem} (e.g. the image's name without extension). */
    public static Written write(Explanation e, String runId, Path folder, String stem) throws IOException {
        Files.createDirectories(folder);
        Map<String, String> text = describe(e, runId);
        Path overlay = folder.resolve(stem + ".gradcam.png");
        Path raw = folder.resolve(stem + ".gradcam-raw.png");
        write(HeatMapImages.overlay(e.preprocessed(), e.map()), text, overlay);
        write(HeatMapImages.raw(e.map(), HeatMapImages.displaySide(e.preprocessed().getWidth())), text, raw);
        return new Written(overlay, raw);
    }

    /** The overlay alone, to a file the user chose. */
    public static void writeOverlay(Explanation e, String runId, Path file) throws IOException {
        write(HeatMapImages.overlay(e.preprocessed(), e.map()), describe(e, runId), file);
    }

    static Map<String, String> describe(Explanation e, String runId) {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("Software", "Transfer Workbench");
        text.put("tw-format", "gradcam");
        text.put("tw-format-version", Integer.toString(FORMAT_VERSION));
        text.put("tw-run", runId);
        text.put("tw-image", e.image().toString());
        text.put("tw-layer", e.map().layer());
        text.put("tw-class", e.targetClass());
        text.put("tw-predicted", e.predictedClass());
        text.put("tw-confidence", String.format(Locale.ROOT, "%.6f", e.confidence()));
        text.put("tw-map-max", String.format(Locale.ROOT, "%.6g", e.map().max()));
        return text;
    }

    private static void write(BufferedImage image, Map<String, String> text, Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        AtomicFiles.write(abs, out -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
            try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                        writer.getDefaultWriteParam());
                metadata.mergeTree(PNG_METADATA, textChunks(text));
                writer.setOutput(stream);
                writer.write(new IIOImage(image, null, metadata));
                stream.flush();
            } finally {
                writer.dispose();
            }
        });
    }

    private static IIOMetadataNode textChunks(Map<String, String> text) {
        IIOMetadataNode chunk = new IIOMetadataNode("tEXt");
        text.forEach((k, v) -> {
            IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
            entry.setAttribute("keyword", k);
            // tEXt is Latin-1; keep paths readable rather than fail on other characters
            entry.setAttribute("value", v.replaceAll("[^\\x20-\\x7E\\xA0-\\xFF]", "?"));
            chunk.appendChild(entry);
        });
        IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA);
        root.appendChild(chunk);
        return root;
    }
}
