package org.transferworkbench.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSplitterTest {
    private final DatasetSplitter splitter = new DatasetSplitter();

    /** A scan built in memory: the splitter never touches files. */
    static DatasetScan scanOf(Map<String, Integer> imagesPerClass) {
        List<ImageRecord> images = new ArrayList<>();
        imagesPerClass.forEach((className, count) -> {
            for (int i = 0; i < count; i++) {
                images.add(new ImageRecord(className + "/img" + i + ".png", className));
            }
        });
        return new DatasetScan(Path.of("/data"), images, List.of(), List.copyOf(imagesPerClass.keySet()), "abc123");
    }

    @Test
    void eachClassIsSplitInProportionWithinOneImage() {
        DatasetScan scan = scanOf(Map.of("a", 100, "b", 41, "c", 7));
        SplitManifest manifest = splitter.split(scan, SplitSpec.defaults());

        manifest.countsByClass().forEach((className, counts) -> {
            int n = scan.countsByClass().get(className);
            for (Split split : Split.values()) {
                double target = n * SplitSpec.defaults().fraction(split);
                assertThat((double) counts.get(split)).as("%s %s", className, split).isCloseTo(target,
                        org.assertj.core.data.Offset.offset(1.0));
            }
        });
    }

    @Test
    void nothingLostOrDuplicated() {
        DatasetScan scan = scanOf(Map.of("a", 30, "b", 20));
        SplitManifest manifest = splitter.split(scan, SplitSpec.defaults());

        assertThat(manifest.entries()).extracting(SplitEntry::relativePath).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(scan.images().stream().map(ImageRecord::relativePath).toList());
        assertThat(manifest.entries()).allSatisfy(entry -> assertThat(entry.split()).isNotNull());
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        DatasetScan scan = scanOf(Map.of("a", 40, "b", 40));
        SplitManifest first = splitter.split(scan, SplitSpec.defaults());
        assertThat(splitter.split(scan, SplitSpec.defaults())).isEqualTo(first);
        SplitManifest other = splitter.split(scan, new SplitSpec(0.7, 0.15, 0.15, 7, null));
        assertThat(other.entries()).isNotEqualTo(first.entries());
    }

    @Test
    void smallClassStillReachesEverySplit() {
        SplitManifest manifest = splitter.split(scanOf(Map.of("a", 3, "b", 50)), SplitSpec.defaults());
        assertThat(manifest.countsByClass().get("a")).containsValues(1, 1, 1);
    }

    @Test
    void tooSmallClassGetsAnActionableMessage() {
        DatasetScan scan = scanOf(Map.of("rare", 2, "b", 50));
        assertThatThrownBy(() -> splitter.split(scan, SplitSpec.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'rare'").hasMessageContaining("only 2 images")
                .hasMessageContaining("Add at least 1 more");
        // Without a test split two images are enough.
        assertThat(splitter.split(scan, new SplitSpec(0.8, 0.2, 0, 1, null)).countsByClass().get("rare"))
                .containsEntry(Split.TRAIN, 1).containsEntry(Split.VALIDATION, 1).containsEntry(Split.TEST, 0);
    }

    @Test
    void groupsNeverStraddleSplits() {
        List<ImageRecord> images = new ArrayList<>();
        for (int specimen = 0; specimen < 12; specimen++) {
            for (int shot = 0; shot < 1 + specimen % 4; shot++) {
                images.add(new ImageRecord("a/S" + specimen + "_shot" + shot + ".png", "a"));
                images.add(new ImageRecord("b/S" + (specimen + 100) + "_shot" + shot + ".png", "b"));
            }
        }
        images.add(new ImageRecord("a/stray.png", "a")); // unmatched: a group of its own
        DatasetScan scan = new DatasetScan(Path.of("/d"), images, List.of(), List.of("a", "b"), "f");
        SplitManifest manifest = splitter.split(scan, new SplitSpec(0.6, 0.2, 0.2, 3, "^(S\\d+)_"));

        Map<String, Set<Split>> splitsByGroup = manifest.entries().stream().collect(
                Collectors.groupingBy(SplitEntry::group, Collectors.mapping(SplitEntry::split, Collectors.toSet())));
        assertThat(splitsByGroup.values()).allSatisfy(splits -> assertThat(splits).hasSize(1));
        assertThat(splitsByGroup).containsKeys("S0", "S11", "a/stray.png");
        manifest.countsByClass().values().forEach(counts -> assertThat(counts.values()).doesNotContain(0));
        assertThat(splitter.summarizeGroups(scan, "^(S\\d+)_")).isEqualTo(new GroupingSummary(25, 1));
        assertThat(splitter.countGroups(scan, null)).isEqualTo(images.size());
    }

    @Test
    void groupSpanningClassesIsPlacedOnce() {
        List<ImageRecord> images = new ArrayList<>();
        for (int patient = 0; patient < 10; patient++) {
            images.add(new ImageRecord("healthy/P" + patient + "_left.png", "healthy"));
            images.add(new ImageRecord("sick/P" + patient + "_right.png", "sick"));
        }
        DatasetScan scan = new DatasetScan(Path.of("/d"), images, List.of(), List.of(), "f");
        SplitManifest manifest = splitter.split(scan, new SplitSpec(0.6, 0.2, 0.2, 5, "P\\d+"));
        Map<String, Split> splitOfGroup = new HashMap<>();
        for (SplitEntry entry : manifest.entries()) {
            assertThat(splitOfGroup.putIfAbsent(entry.group(), entry.split())).isIn(null, entry.split());
        }
        assertThat(splitOfGroup).hasSize(10);
    }

    @Test
    void tooFewGroupsIsExplained() {
        List<ImageRecord> images = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            images.add(new ImageRecord("a/P" + (i % 2) + "_" + i + ".png", "a"));
            images.add(new ImageRecord("b/Q" + i + "_" + i + ".png", "b"));
        }
        DatasetScan scan = new DatasetScan(Path.of("/d"), images, List.of(), List.of(), "f");
        assertThatThrownBy(() -> splitter.split(scan, new SplitSpec(0.7, 0.15, 0.15, 1, "^([PQ]\\d+)_")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a'").hasMessageContaining("only 2 group(s)");
    }

    @Test
    void specValidationSaysWhatIsWrong() {
        assertThatThrownBy(() -> new SplitSpec(0.5, 0.3, 0.3, 1, null)).hasMessageContaining("add up to 1");
        assertThatThrownBy(() -> new SplitSpec(0, 0.5, 0.5, 1, null)).hasMessageContaining("training fraction");
        assertThatThrownBy(() -> new SplitSpec(0.8, -0.1, 0.3, 1, null)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new SplitSpec(0.7, 0.15, 0.15, 1, "(unclosed"))
                .hasMessageContaining("not a valid regular expression");
        assertThat(SplitSpec.defaults()).isEqualTo(new SplitSpec(0.70, 0.15, 0.15, 42, null));
    }

    @Test
    void manifestRoundTripsThroughCsv(@TempDir Path dir) throws IOException {
        List<ImageRecord> images = List.of(new ImageRecord("a/x, \"quoted\".png", "a"),
                new ImageRecord("a/été 🐱.png", "a"), new ImageRecord("a/3.png", "a"),
                new ImageRecord("b/1.png", "b"), new ImageRecord("b/2.png", "b"), new ImageRecord("b/3.png", "b"));
        DatasetScan scan = new DatasetScan(Path.of("/d"), images, List.of(), List.of(), "0123abcd");
        SplitManifest manifest = splitter.split(scan, SplitSpec.defaults());
        Path csv = dir.resolve("runs/split.csv");

        manifest.write(csv);

        assertThat(Files.readAllLines(csv).get(0))
                .isEqualTo("# transfer-workbench split manifest v1 fingerprint=0123abcd");
        assertThat(Files.readAllLines(csv).get(1)).isEqualTo("relative_path,class,group,split");
        assertThat(SplitManifest.read(csv)).isEqualTo(manifest);
        try (var files = Files.list(csv.getParent())) {
            assertThat(files).containsExactly(csv); // no temporary file left behind
        }
    }

    @Test
    void verifyDetectsAnotherDatasetAndMissingFiles() {
        DatasetScan scan = scanOf(Map.of("a", 10, "b", 10));
        SplitManifest manifest = splitter.split(scan, SplitSpec.defaults());
        manifest.verifyAgainst(scan);

        DatasetScan changed = new DatasetScan(scan.root(), scan.images(), List.of(), List.of(), "other");
        assertThatThrownBy(() -> manifest.verifyAgainst(changed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different version of the dataset");

        DatasetScan shrunk = scanOf(Map.of("a", 2, "b", 10));
        assertThatThrownBy(() -> manifest.verifyAgainst(shrunk)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8 file(s)").hasMessageContaining("and 3 more");
    }
}
