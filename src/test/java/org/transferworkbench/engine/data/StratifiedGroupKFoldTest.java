package org.transferworkbench.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StratifiedGroupKFoldTest {

    /** Classes of 23, 17 and 9 images: no class divides evenly into 5 folds. */
    private static DatasetScan ungrouped() {
        List<ImageRecord> images = new ArrayList<>();
        int[] counts = {23, 17, 9};
        for (int c = 0; c < counts.length; c++) {
            for (int i = 0; i < counts[c]; i++) {
                images.add(new ImageRecord("class" + c + "/img_" + i + ".png", "class" + c));
            }
        }
        return new DatasetScan(Path.of("/data"), images, List.of(), List.of(), "abc123");
    }

    /** Photos of 1 to 4 crops each, named like the demo dataset: crop_(photoN)_k.png. */
    private static DatasetScan grouped() {
        List<ImageRecord> images = new ArrayList<>();
        int photo = 0;
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < 9; p++, photo++) {
                for (int k = 0; k <= (photo * 7) % 4; k++) {
                    images.add(new ImageRecord("c" + c + "/crop_photo" + photo + "_" + k + ".png", "c" + c));
                }
            }
        }
        return new DatasetScan(Path.of("/data"), images, List.of(), List.of(), "def456");
    }

    @Test
    void everyClassIsSpreadOverTheFoldsWithinOneImage() {
        DatasetScan scan = ungrouped();
        Map<String, Integer> folds = new StratifiedGroupKFold(5, 7, null, 0.2).assignFolds(scan);
        for (String className : scan.classNames()) {
            int[] perFold = new int[5];
            scan.images().stream().filter(i -> i.className().equals(className))
                    .forEach(i -> perFold[folds.get(i.relativePath())]++);
            int min = java.util.Arrays.stream(perFold).min().orElseThrow();
            int max = java.util.Arrays.stream(perFold).max().orElseThrow();
            int expected = scan.countsByClass().get(className) / 5;
            assertThat(max - min).as("class %s per fold %s", className, perFold).isLessThanOrEqualTo(1);
            assertThat(min).isEqualTo(expected);
        }
    }

    @Test
    void everyImageIsTestedExactlyOnceAndEachSplitIsStratified() {
        DatasetScan scan = ungrouped();
        List<SplitManifest> splits = new StratifiedGroupKFold(5, 7, null, 0.2).splits(scan);
        Map<String, Integer> timesTested = new HashMap<>();
        for (SplitManifest split : splits) {
            assertThat(split.entries()).hasSize(scan.images().size());
            assertThat(split.datasetFingerprint()).isEqualTo(scan.fingerprint());
            split.entries(Split.TEST).forEach(e -> timesTested.merge(e.relativePath(), 1, Integer::sum));
            split.countsByClass().forEach((c, perSplit) -> {
                assertThat(perSplit.get(Split.VALIDATION)).as("validation of %s", c).isPositive();
                assertThat(perSplit.get(Split.TRAIN)).as("train of %s", c).isPositive();
                int rest = perSplit.get(Split.TRAIN) + perSplit.get(Split.VALIDATION);
                assertThat(perSplit.get(Split.VALIDATION)).isBetween((int) Math.floor(rest * 0.2) - 1,
                        (int) Math.ceil(rest * 0.2) + 1);
            });
        }
        assertThat(timesTested).hasSize(scan.images().size());
        assertThat(timesTested.values()).containsOnly(1);
    }

    @Test
    void aGroupNeverStraddlesFoldsOrSplits() {
        DatasetScan scan = grouped();
        String pattern = "_(photo\\d+)_";
        StratifiedGroupKFold kfold = new StratifiedGroupKFold(3, 11, pattern, 0.25);
        Map<String, Integer> folds = kfold.assignFolds(scan);
        Map<String, Set<Integer>> foldsOfPhoto = new HashMap<>();
        scan.images().forEach(i -> foldsOfPhoto.computeIfAbsent(photo(i.relativePath()), p -> new HashSet<>())
                .add(folds.get(i.relativePath())));
        assertThat(foldsOfPhoto.values()).allSatisfy(s -> assertThat(s).hasSize(1));

        Set<String> tested = new HashSet<>();
        for (SplitManifest split : kfold.splits(scan)) {
            Map<String, Set<Split>> splitsOfGroup = new HashMap<>();
            split.entries().forEach(e -> splitsOfGroup.computeIfAbsent(e.group(), g -> new HashSet<>())
                    .add(e.split()));
            assertThat(splitsOfGroup.values()).allSatisfy(s -> assertThat(s).hasSize(1));
            split.entries(Split.TEST).forEach(e -> assertThat(tested.add(e.relativePath())).isTrue());
            assertThat(split.entries().get(0).group()).startsWith("photo");
        }
        assertThat(tested).hasSize(scan.images().size());
    }

    @Test
    void theSameSeedGivesTheSameFoldsAndAnotherSeedOthers() {
        DatasetScan scan = ungrouped();
        assertThat(new StratifiedGroupKFold(4, 1, null, 0.2).splits(scan))
                .isEqualTo(new StratifiedGroupKFold(4, 1, null, 0.2).splits(scan));
        assertThat(new StratifiedGroupKFold(4, 2, null, 0.2).assignFolds(scan))
                .isNotEqualTo(new StratifiedGroupKFold(4, 1, null, 0.2).assignFolds(scan));
    }

    @Test
    void tooFewImagesOrBadSettingsAreRefusedWithAReason() {
        assertThatThrownBy(() -> new StratifiedGroupKFold(9, 1, null, 0.2).assignFolds(ungrouped()))
                .hasMessageContaining("Class 'class2' has 9 image(s), too few for 9-fold");
        assertThatThrownBy(() -> new StratifiedGroupKFold(1, 1, null, 0.2))
                .hasMessageContaining("at least 2 folds");
        assertThatThrownBy(() -> new StratifiedGroupKFold(3, 1, null, 1.0))
                .hasMessageContaining("between 0 and 1");
    }

    private static String photo(String path) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("_(photo\\d+)_").matcher(path);
        return m.find() ? m.group(1) : path;
    }
}
