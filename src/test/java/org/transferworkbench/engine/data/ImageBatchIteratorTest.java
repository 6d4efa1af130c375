package org.transferworkbench.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;

class ImageBatchIteratorTest {
    private static final int SIZE = 8;
    private static final List<String> CLASSES = List.of("cats", "dogs");

    @TempDir
    Path root;
    private final List<SplitEntry> entries = new ArrayList<>();
    private final ImagePreprocessor pre = new ImagePreprocessor(SIZE, ResizePolicy.SHORTER_SIDE_CENTER_CROP);

    @BeforeEach
    void tenImages() throws IOException {
        for (int i = 0; i < 10; i++) {
            String className = CLASSES.get(i % 2);
            String path = className + "/img" + i + ".png";
            TestImages.write(root.resolve(path), TestImages.solid(12, 10, new Color(i * 20, 0, 0)), "png");
            entries.add(new SplitEntry(path, className, path, Split.TRAIN));
        }
    }

    private ImageBatchIterator iterator(int batch, AugmentationSettings aug, long seed, boolean shuffle) {
        return new ImageBatchIterator(root, entries, CLASSES, pre, batch, aug, seed, shuffle);
    }

    private static List<String> drainPaths(ImageBatchIterator it) {
        List<String> paths = new ArrayList<>();
        while (it.hasNext()) {
            paths.addAll(it.next().getExampleMetaData(String.class));
        }
        return paths;
    }

    @Test
    void batchesHaveNchwFeaturesOneHotLabelsAndAPartialLastBatch() {
        try (ImageBatchIterator it = iterator(4, AugmentationSettings.NONE, 1, false)) {
            List<DataSet> batches = new ArrayList<>();
            while (it.hasNext()) {
                DataSet batch = it.next();
                batches.add(batch);
                List<SplitEntry> rows = it.entriesOfLastBatch();
                for (int row = 0; row < rows.size(); row++) {
                    int expected = CLASSES.indexOf(rows.get(row).className());
                    assertThat(batch.getLabels().getFloat(row, expected)).isEqualTo(1f);
                    assertThat(batch.getLabels().getRow(row).sumNumber().floatValue()).isEqualTo(1f);
                }
            }
            assertThat(batches).extracting(b -> b.getFeatures().shape()).containsExactly(
                    new long[] {4, 3, SIZE, SIZE}, new long[] {4, 3, SIZE, SIZE}, new long[] {2, 3, SIZE, SIZE});
            assertThat(batches.get(2).getLabels().shape()).containsExactly(2, 2);
            assertThat(batches.get(0).getFeatures().dataType()).isEqualTo(DataType.FLOAT);
            // Image 1 is red 20: its R plane holds 20 - 123.68 (the iterator uses the one preprocessing path).
            assertThat(batches.get(0).getFeatures().getFloat(1, 2, 3, 3)).isCloseTo(20 - 123.68f,
                    org.assertj.core.data.Offset.offset(1e-3f));
            assertThat(it.inputColumns()).isEqualTo(3 * SIZE * SIZE);
            assertThat(it.totalOutcomes()).isEqualTo(2);
            assertThat(it.getLabels()).isEqualTo(CLASSES);
            assertThat(it.asyncSupported()).isFalse();
            assertThat(it.waitFraction()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void unshuffledOrderIsTheEntriesOrder() {
        try (ImageBatchIterator it = iterator(3, AugmentationSettings.NONE, 1, false)) {
            assertThat(drainPaths(it)).containsExactlyElementsOf(entries.stream().map(SplitEntry::relativePath).toList());
            assertThat(it.orderOfLastEpoch()).isEqualTo(entries);
        }
    }

    @Test
    void everyImageOncePerEpochInASeededOrder() {
        try (ImageBatchIterator a = iterator(3, AugmentationSettings.NONE, 7, true);
             ImageBatchIterator b = iterator(3, AugmentationSettings.NONE, 7, true)) {
            List<String> epoch0 = drainPaths(a);
            assertThat(epoch0).hasSize(10).doesNotHaveDuplicates();
            assertThat(drainPaths(b)).isEqualTo(epoch0);

            a.reset();
            b.reset();
            List<String> epoch1 = drainPaths(a);
            assertThat(epoch1).containsExactlyInAnyOrderElementsOf(epoch0).isNotEqualTo(epoch0);
            assertThat(drainPaths(b)).isEqualTo(epoch1);
            assertThat(a.orderOfLastEpoch()).extracting(SplitEntry::relativePath).isEqualTo(epoch1);
        }
    }

    @Test
    void augmentationIsReproducibleForTheSameSeed() {
        AugmentationSettings aug = AugmentationSettings.parse("hflip,rot=20,crop,brightness=0.3");
        try (ImageBatchIterator a = iterator(5, aug, 3, true); ImageBatchIterator b = iterator(5, aug, 3, true)) {
            while (a.hasNext()) {
                assertThat(b.next().getFeatures()).isEqualTo(a.next().getFeatures());
            }
        }
    }

    @Test
    void aFileThatBrokeAfterTheScanIsLeftOutNotFatal() throws IOException {
        Files.write(root.resolve("dogs/img3.png"), new byte[] {1, 2, 3});
        Files.delete(root.resolve("cats/img4.png"));
        try (ImageBatchIterator it = iterator(4, AugmentationSettings.NONE, 1, false)) {
            assertThat(drainPaths(it)).hasSize(8).doesNotContain("dogs/img3.png", "cats/img4.png");
            assertThat(it.failedEntries()).extracting(SplitEntry::relativePath)
                    .containsExactlyInAnyOrder("dogs/img3.png", "cats/img4.png");
        }
    }

    @Test
    void closeStopsTheLoaderThreads() throws InterruptedException {
        ImageBatchIterator it = iterator(2, AugmentationSettings.NONE, 1, true);
        it.hasNext();
        it.close();
        long deadline = System.currentTimeMillis() + 5000;
        while (loaderThreadsAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(loaderThreadsAlive()).isFalse();
    }

    private static boolean loaderThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().startsWith("image-loader") && thread.isAlive());
    }

    @Test
    void cacheHonoursItsBudget() {
        ResizedImageCache cache = new ResizedImageCache(2 * SIZE * SIZE * 4);
        for (int i = 0; i < 5; i++) {
            cache.put("k" + i, TestImages.solid(SIZE, SIZE, Color.RED));
        }
        assertThat(cache.usedBytes()).isEqualTo(2L * SIZE * SIZE * 4);
        assertThat(cache.get("k4")).isNotNull();
        assertThat(cache.get("k0")).isNull();
    }
}
