package org.transferworkbench.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.demo.DemoDatasetGenerator.Settings;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;

class DemoDatasetGeneratorTest {
    private static final Settings SMALL = new Settings(3, 6, 64);

    @TempDir
    Path tmp;

    private final DemoDatasetGenerator generator = new DemoDatasetGenerator();

    private Path generate(String name, Settings settings) throws IOException {
        Path target = tmp.resolve(name);
        generator.generate(target, settings, ProgressReporter.silent(), CancellationToken.none());
        return target;
    }

    @Test
    void sameSeedWritesByteIdenticalFiles() throws IOException {
        Path a = generate("a", SMALL);
        Path b = generate("b", SMALL);

        List<Path> files = DatasetFiles.relativeFiles(a);
        assertThat(DatasetFiles.relativeFiles(b)).isEqualTo(files);
        for (Path file : files) {
            assertThat(Files.mismatch(a.resolve(file), b.resolve(file))).as(file.toString()).isEqualTo(-1L);
        }
    }

    @Test
    void differentSeedDrawsDifferentImages() throws IOException {
        Path a = generate("a", SMALL);
        Path b = generate("b", new Settings(4, SMALL.imagesPerClass(), SMALL.imageSize()));

        List<Path> imagesA = DatasetFiles.images(a);
        long differing = imagesA.stream()
                .map(a::relativize)
                .filter(rel -> !Files.exists(b.resolve(rel)) || mismatch(a.resolve(rel), b.resolve(rel)))
                .count();
        assertThat(differing).isEqualTo(imagesA.size());
    }

    @Test
    void writesRequestedCountsSizesAndPhotoGroups() throws IOException {
        Path target = generate("set", SMALL);

        Pattern group = Pattern.compile(DemoDatasetGenerator.GROUP_PATTERN);
        Map<String, Integer> cropsPerPhoto = new HashMap<>();
        Map<String, Set<String>> classesPerPhoto = new HashMap<>();
        for (String className : DemoDatasetGenerator.classNames()) {
            List<Path> images = DatasetFiles.images(target.resolve(className));
            assertThat(images).hasSize(SMALL.imagesPerClass());
            for (Path image : images) {
                String name = image.getFileName().toString();
                assertThat(name).matches(Pattern.quote(className) + "_photo\\d{3}_[1-4]\\.jpg");
                BufferedImage pixels = ImageIO.read(image.toFile());
                assertThat(pixels.getWidth()).isEqualTo(SMALL.imageSize());
                assertThat(pixels.getHeight()).isEqualTo(SMALL.imageSize());
                Matcher m = group.matcher(name);
                assertThat(m.find()).isTrue();
                cropsPerPhoto.merge(m.group(1), 1, Integer::sum);
                classesPerPhoto.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(className);
            }
        }
        assertThat(cropsPerPhoto.values()).allSatisfy(n -> assertThat(n).isBetween(2, 4));
        assertThat(classesPerPhoto.values()).allSatisfy(classes -> assertThat(classes).hasSize(1));
    }

    @Test
    void writesReadmeAndMarkerAndLeavesNoStagingBehind() throws IOException {
        Path target = generate("set", SMALL);

        assertThat(DemoDatasetGenerator.isGenerated(target)).isTrue();
        assertThat(Files.readString(target.resolve(DemoDatasetGenerator.MARKER_FILE)))
                .contains("formatVersion=1", "seed=3", "imagesPerClass=6", "imageSize=64");
        assertThat(Files.readString(target.resolve(DemoDatasetGenerator.README_FILE)))
                .contains("Seed 3", "Licence", "_(photo\\d+)_", "RegenerateDemoDatasetTest");
        assertThat(DatasetFiles.list(tmp)).containsExactly(target);
    }

    @Test
    void cancellingLeavesNoTargetAndNoStaging() {
        Path target = tmp.resolve("set");
        CancellationToken cancel = new CancellationToken();
        ProgressReporter cancelAfterFive = (done, total, message) -> {
            if (done == 5) {
                cancel.cancel();
            }
        };

        assertThatThrownBy(() -> generator.generate(target, SMALL, cancelAfterFive, cancel))
                .isInstanceOf(CancellationException.class);
        assertThat(target).doesNotExist();
        assertThat(DatasetFiles.list(tmp)).isEmpty();
    }

    @Test
    void cancellingARegenerationKeepsThePreviousSet() throws IOException {
        Path target = generate("set", SMALL);
        List<Path> before = DatasetFiles.relativeFiles(target);
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();

        assertThatThrownBy(() -> generator.generate(target, new Settings(9, 6, 64), ProgressReporter.silent(), cancel))
                .isInstanceOf(CancellationException.class);
        assertThat(DatasetFiles.relativeFiles(target)).isEqualTo(before);
        assertThat(Files.readString(target.resolve(DemoDatasetGenerator.MARKER_FILE))).contains("seed=3");
        assertThat(DatasetFiles.list(tmp)).containsExactly(target);
    }

    @Test
    void regeneratingReplacesThePreviousContentWholesale() throws IOException {
        Path target = tmp.resolve("set");
        Files.createDirectories(target.resolve("erythrocyte"));
        Files.writeString(target.resolve("erythrocyte").resolve("stale.jpg"), "old");

        generate("set", SMALL);

        assertThat(target.resolve("erythrocyte").resolve("stale.jpg")).doesNotExist();
        assertThat(DatasetFiles.images(target)).hasSize(4 * SMALL.imagesPerClass());
        assertThat(DatasetFiles.list(tmp)).containsExactly(target);
    }

    @Test
    void defaultSetHasEightyPerClassAndStaysUnderThreeMegabytes() throws IOException {
        Path target = generate("default", Settings.defaults());

        for (String className : DemoDatasetGenerator.classNames()) {
            assertThat(DatasetFiles.images(target.resolve(className))).hasSize(80);
        }
        assertThat(DatasetFiles.totalBytes(target)).isLessThan(3_000_000L);
    }

    @Test
    void settingsDefaultsAndLocation() {
        assertThat(Settings.defaults()).isEqualTo(new Settings(7, 80, 96));
        assertThat(DemoDatasetGenerator.defaultLocation(Path.of("proj")))
                .isEqualTo(Path.of("proj", "datasets", "demo-cells"));
        assertThat(DemoDatasetGenerator.classNames())
                .containsExactly("erythrocyte", "lymphocyte", "neutrophil", "platelet");
        assertThatThrownBy(() -> new Settings(1, 0, 96)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settings(1, 10, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean mismatch(Path a, Path b) {
        try {
            return Files.mismatch(a, b) != -1;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Small file-listing helpers; sorted so comparisons do not depend on directory order. */
    static final class DatasetFiles {
        private DatasetFiles() {
        }

        static List<Path> list(Path dir) {
            try (Stream<Path> s = Files.list(dir)) {
                return s.sorted().toList();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static List<Path> relativeFiles(Path root) throws IOException {
            try (Stream<Path> s = Files.walk(root)) {
                return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
            }
        }

        static List<Path> images(Path root) throws IOException {
            try (Stream<Path> s = Files.walk(root)) {
                return s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
            }
        }

        static long totalBytes(Path root) throws IOException {
            long total = 0;
            for (Path file : relativeFiles(root)) {
                total += Files.size(root.resolve(file));
            }
            return total;
        }
    }
}
