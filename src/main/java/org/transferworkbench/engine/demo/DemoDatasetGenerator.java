package org.transferworkbench.engine.demo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import org.transferworkbench.engine.io.StagingDirectory;

/**
 * Writes the embedded demo dataset: synthetic, stained blood-smear crops in four classes, one folder per class.
 * The images are the project's own work, drawn by code from a seed, so the set can be shipped, regenerated and
 * checked byte for byte (same seed, same JDK: identical files).
 */
public final class DemoDatasetGenerator {
    /** Bump when rendering changes: the same seed then gives other bytes, and the marker says which. */
    public static final int GENERATOR_VERSION = 1;
    public static final String MARKER_FILE = ".generated";
    public static final String README_FILE = "README.md";
    /** Matches the source-photo id in a file name, for grouped splits. */
    public static final String GROUP_PATTERN = "_(photo\\d+)_";

    static final float JPEG_QUALITY = 0.9f;

    private static final Logger LOG = LoggerFactory.getLogger(DemoDatasetGenerator.class);

    /**
     * @param seed           drives every random choice; nothing else (no clock) does
     * @param imagesPerClass images written into each class folder
     * @param imageSize      width and height of every image, in pixels
     */
    public record Settings(long seed, int imagesPerClass, int imageSize) {
        public Settings {
            if (imagesPerClass < 1) {
                throw new IllegalArgumentException("imagesPerClass must be at least 1, was " + imagesPerClass);
            }
            if (imageSize < 32 || imageSize > 1024) {
                throw new IllegalArgumentException("imageSize must be within 32..1024, was " + imageSize);
            }
        }

        public static Settings defaults() {
            return new Settings(7, 80, 96);
        }
    }

    /** Where the demo set lives inside a project folder. */
    public static Path defaultLocation(Path projectDir) {
        return projectDir.resolve("datasets").resolve("demo-cells");
    }

    /** Class folder names, in the order they are generated. */
    public static List<String> classNames() {
        return Arrays.stream(CellType.values()).map(CellType::folderName).toList();
    }

    /** True when {@code dir} holds a completed generation (the marker is written last). */
    public static boolean isGenerated(Path dir) {
        return Files.isRegularFile(dir.resolve(MARKER_FILE));
    }

    /**
     * Generates the set into a hidden sibling of {@code targetDir} and renames it into place when complete,
     * replacing any previous content of {@code targetDir}.
     *
     * @throws java.util.concurrent.CancellationException when cancelled; {@code targetDir} is then left untouched
     */
    public void generate(Path targetDir, Settings settings, ProgressReporter progress, CancellationToken cancel)
            throws IOException {
        List<CropSpec> crops = DatasetPlan.crops(settings.seed(), settings.imagesPerClass());
        long total = crops.size() + 1L;
        CropRenderer renderer = new CropRenderer(settings.imageSize());
        JpegEncoder encoder = new JpegEncoder(JPEG_QUALITY);
        LOG.info("Generating demo dataset ({} images, seed {}) into {}", crops.size(), settings.seed(), targetDir);
        try (StagingDirectory staging = StagingDirectory.beside(targetDir)) {
            for (String name : classNames()) {
                Files.createDirectory(staging.path().resolve(name));
            }
            PhotoConditions photo = null;
            int photoNumber = 0;
            long done = 0;
            for (CropSpec crop : crops) {
                cancel.throwIfCancelled();
                if (crop.photo() != photoNumber) {
                    photoNumber = crop.photo();
                    photo = PhotoConditions.random(new SplittableRandom(crop.photoSeed()));
                }
                BufferedImage image = renderer.render(crop.type(), photo, new SplittableRandom(crop.cropSeed()));
                Path file = staging.path().resolve(crop.type().folderName()).resolve(crop.fileName());
                Files.write(file, encoder.encode(image));
                progress.report(++done, total, "Drew " + crop.fileName());
            }
            cancel.throwIfCancelled();
            Files.writeString(staging.path().resolve(README_FILE), DemoReadme.readme(settings, photoNumber),
                    StandardCharsets.UTF_8);
            Files.writeString(staging.path().resolve(MARKER_FILE), DemoReadme.marker(settings), StandardCharsets.UTF_8);
            staging.publish();
        }
        progress.report(total, total, "Demo dataset ready");
        LOG.info("Demo dataset ready at {}", targetDir);
    }
}
