package org.transferworkbench.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;

class DatasetScannerTest {
    @TempDir
    Path root;

    private final DatasetScanner scanner = new DatasetScanner();

    @BeforeEach
    void twoClasses() throws IOException {
        TestImages.png(root.resolve("cats/cat1.png"));
        TestImages.jpeg(root.resolve("dogs/dog1.jpg"));
    }

    private DatasetScan scan() throws IOException {
        return scanner.scan(root, ProgressReporter.silent(), CancellationToken.none());
    }

    private static Map<String, String> reasons(DatasetScan scan) {
        return scan.skipped().stream().collect(Collectors.toMap(SkippedFile::relativePath, SkippedFile::reason));
    }

    @Test
    void acceptsOddButValidImagesAndSkipsJunkWithReasons() throws IOException {
        Files.write(root.resolve("cats/empty.jpg"), new byte[0]);
        TestImages.truncatedJpeg(root.resolve("cats/truncated.jpg"));
        Files.write(root.resolve("cats/random.jpg"), new java.util.Random(3).ints(500).mapToObj(Integer::toString)
                .collect(Collectors.joining()).getBytes());
        TestImages.png(root.resolve("cats/png-named.jpg"));
        Files.writeString(root.resolve("cats/notes.txt"), "not an image");
        TestImages.png(root.resolve("cats/.hidden.png"));
        Files.write(root.resolve("cats/Thumbs.db"), new byte[] {1, 2, 3});
        Files.write(root.resolve("dogs/.DS_Store"), new byte[] {1, 2, 3});
        TestImages.greyPng(root.resolve("dogs/grey.png"), 100);
        TestImages.paletteGif(root.resolve("dogs/palette.GIF"));
        TestImages.halfTransparentPng(root.resolve("dogs/alpha.png"));
        TestImages.write(root.resolve("dogs/tiny.bmp"), TestImages.solid(1, 1, Color.RED), "bmp");
        TestImages.grey16Png(root.resolve("dogs/grey16.PNG"), 40000);
        TestImages.headerOnlyPng(root.resolve("dogs/bomb.png"), 50000, 50000);

        DatasetScan scan = scan();

        assertThat(scan.images()).extracting(ImageRecord::relativePath).containsExactly(
                "cats/cat1.png", "cats/png-named.jpg",
                "dogs/alpha.png", "dogs/dog1.jpg", "dogs/grey.png", "dogs/grey16.PNG", "dogs/palette.GIF",
                "dogs/tiny.bmp");
        Map<String, String> reasons = reasons(scan);
        assertThat(reasons).containsEntry("cats/empty.jpg", "empty file (0 bytes)")
                .containsEntry("cats/truncated.jpg", "not a readable image: truncated JPEG data")
                .containsEntry("cats/notes.txt", "not an image file (extension .txt)")
                .containsEntry("cats/.hidden.png", "hidden or system file")
                .containsEntry("cats/Thumbs.db", "hidden or system file")
                .containsEntry("dogs/.DS_Store", "hidden or system file")
                .containsEntry("dogs/bomb.png",
                        "image too large: header says 50000x50000 pixels (limit 40 megapixels)");
        assertThat(reasons.get("cats/random.jpg")).startsWith("not a readable image:");
        assertThat(scan.countsByClass()).containsExactly(Map.entry("cats", 2), Map.entry("dogs", 6));
    }

    @Test
    void nestedFoldersBelongToTheirClassAndRootImagesAreSkipped() throws IOException {
        TestImages.png(root.resolve("cats/2023/march/cat2.png"));
        TestImages.png(root.resolve("stray.png"));
        Files.createDirectories(root.resolve("birds"));

        DatasetScan scan = scan();

        assertThat(scan.images()).contains(new ImageRecord("cats/2023/march/cat2.png", "cats"));
        assertThat(scan.countsByClass()).containsEntry("cats", 2);
        assertThat(reasons(scan)).containsEntry("stray.png",
                "image directly in the dataset root; put images in one sub-folder per class");
        assertThat(scan.classNames()).containsExactly("cats", "dogs");
        assertThat(scan.warnings()).anySatisfy(w -> assertThat(w).contains("'birds'").contains("no usable images"));
    }

    @Test
    void unicodeNamesSurvive() throws IOException {
        TestImages.png(root.resolve("chats à poils/été 2023 🐱.png"));
        TestImages.png(root.resolve("고양이/사진 1.png"));

        DatasetScan scan = scan();

        assertThat(scan.images()).contains(new ImageRecord("chats à poils/été 2023 🐱.png", "chats à poils"),
                new ImageRecord("고양이/사진 1.png", "고양이"));
    }

    @Test
    void symbolicLinkLoopIsReportedNotFollowedForever() throws IOException {
        Files.createSymbolicLink(root.resolve("cats/back-to-root"), root);

        DatasetScan scan = scan();

        assertThat(reasons(scan)).containsEntry("cats/back-to-root", "symbolic link loop");
        assertThat(scan.images()).hasSize(2);
    }

    @Test
    void unreadableFileIsSkipped() throws IOException {
        Path secret = TestImages.png(root.resolve("cats/secret.png"));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(secret), "running as root: permissions do not bite");

        assertThat(reasons(scan())).containsEntry("cats/secret.png", "unreadable: permission denied");
    }

    @Test
    void warnsAboutImbalanceAndSingleClass() throws IOException {
        for (int i = 0; i < 4; i++) {
            TestImages.png(root.resolve("cats/extra" + i + ".png"));
        }
        assertThat(scan().warnings()).anySatisfy(w -> assertThat(w).contains("imbalanced").contains("'dogs'"));

        Files.delete(root.resolve("dogs/dog1.jpg"));
        assertThat(scan().warnings()).anySatisfy(w -> assertThat(w).contains("at least 2"));
    }

    @Test
    void fingerprintIsStableAndSeesContentChanges() throws IOException {
        String first = scan().fingerprint();
        assertThat(scan().fingerprint()).isEqualTo(first).hasSize(64);

        TestImages.write(root.resolve("cats/cat1.png"), TestImages.solid(16, 12, Color.BLUE), "png");
        assertThat(scan().fingerprint()).isNotEqualTo(first);
    }

    @Test
    void neverModifiesTheDataset() throws IOException {
        TestImages.truncatedJpeg(root.resolve("cats/broken.jpg"));
        List<String> before = listing();
        scan();
        assertThat(listing()).isEqualTo(before);
    }

    @Test
    void rejectsAFileAsRootWithAClearMessage() throws IOException {
        Path file = root.resolve("cats/cat1.png");
        assertThatThrownBy(() -> scanner.scan(file, ProgressReporter.silent(), CancellationToken.none()))
                .isInstanceOf(IOException.class).hasMessageContaining("not a folder");
        assertThatThrownBy(() -> scanner.scan(root.resolve("nope"), ProgressReporter.silent(),
                CancellationToken.none())).isInstanceOf(IOException.class).hasMessageContaining("does not exist");
    }

    @Test
    void cancelStopsTheScan() {
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        assertThatThrownBy(() -> scanner.scan(root, ProgressReporter.silent(), cancel))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void reportsProgressUpToTheTotal() throws IOException {
        List<long[]> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
        scanner.scan(root, (done, total, message) -> reports.add(new long[] {done, total}), CancellationToken.none());
        assertThat(reports).last().satisfies(last -> assertThat(last).containsExactly(2, 2));
    }

    private List<String> listing() throws IOException {
        List<String> result = new ArrayList<>();
        try (var files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                result.add(p + ":" + (Files.isRegularFile(p) ? Files.size(p) + ":" + Files.getLastModifiedTime(p) : "d"));
            }
        }
        result.sort(null);
        return result;
    }
}
