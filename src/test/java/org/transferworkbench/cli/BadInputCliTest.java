package org.transferworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.testing.CliOutcome;
import org.transferworkbench.testing.ShapesDataset;

/**
 * Bad input as a user meets it on the command line: each case is built here, and the test checks the exit code,
 * the one-sentence message, and that nothing was created when the input is refused. The file-level cases (empty,
 * truncated, wrong format ...) are in DatasetScannerTest and ImageDecoderTest; docs/RELIABILITY.md lists all.
 */
class BadInputCliTest {

    @TempDir
    Path tmp;


    private static CliOutcome cli(String... args) {
        return CliOutcome.run(args);
    }

    private CliOutcome train(Path data, Path runs, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--runs-dir", runs.toString(),
                "--model", "vgg11", "--freeze", "none", "--input", "32", "--epochs", "1", "--batch", "4",
                "--hidden", "0"));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    private static void assertRefused(CliOutcome o, String messageStart, Path runs) {
        assertThat(o.code()).isEqualTo(1);
        assertThat(o.err()).contains("Error: " + messageStart).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(runs).as("no run folder for refused input").doesNotExist();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--lr|-0.001|Learning rate must be greater than 0.0",
        "--lr|0|Learning rate must be greater than 0.0",
        "--batch|0|Batch size must be between 1 and 4096; got 0.",
        "--epochs|0|Epochs must be at least 1; got 0.",
        "--input|100|Input size must be a multiple of 32",
        "--input|16|Input size must be",
        "--dropout|1.5|Dropout must be in [0, 1); got 1.5.",
        "--split|0.5,0.5,0.5|Split fractions must add up to 1",
        "--group|(unclosed|The group pattern",
        "--model|vgg7|Unknown model",
        "--freeze|blocks:9|Blocks are numbered 1 to 5",
        "--weights|warmstart:|warmstart: needs vgg11 (train one first), a VGG11 run or a VGG11 model zip",
        "--gpus|2|--gpus 2 is not possible here: training on several GPUs needs the CUDA backend",
        "--gpus|two|--gpus takes a number of GPUs (1, 2, ...) or 'all', not 'two'.",
    })
    void nonsenseSettingsAreRefusedBeforeAnyWork(String option, String value, String message) {
        Path runs = tmp.resolve("runs");
        CliOutcome o = cli("train", "--data", tmp.resolve("no-need-to-exist").toString(), "--runs-dir",
                runs.toString(), option, value);
        assertRefused(o, message == null ? "" : message, runs);
    }

    @Test
    void aWarmStartOfAVgg11OrFromAMissingRunIsRefused() throws Exception {
        Path data = ShapesDataset.write(tmp.resolve("shapes"), 6, 32, 3);
        Path runs = tmp.resolve("runs");
        assertRefused(train(data, runs, "--weights", "warmstart:vgg11"), "A warm start initialises a deeper network "
                + "(vgg13, vgg16c, vgg16 or vgg19) from a VGG11", runs);
        assertRefused(cli("train", "--data", data.toString(), "--runs-dir", runs.toString(), "--model", "vgg16",
                "--input", "32", "--weights", "warmstart:no-such-run"), "No run 'no-such-run' in " + runs, runs);
    }

    @Test
    void aDatasetWithOneClassIsRefused() throws Exception {
        Path data = ShapesDataset.write(tmp.resolve("one"), 6, 32, 1);
        for (String c : List.of(ShapesDataset.CLASSES[1], ShapesDataset.CLASSES[2])) {
            try (var files = Files.walk(data.resolve(c))) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path runs = tmp.resolve("runs");
        assertRefused(train(data, runs), "The dataset " + data + " has 1 class(es) with usable images; a classifier "
                + "needs at least two sub-folders with images, one per class.", runs);
    }

    @Test
    void aClassTooSmallForTheSplitSaysWhatToDo() throws Exception {
        Path data = ShapesDataset.write(tmp.resolve("small"), 6, 32, 1);
        Files.delete(data.resolve(ShapesDataset.CLASSES[0]).resolve("img_000.png"));
        for (int i = 2; i < 6; i++) {
            Files.delete(data.resolve(ShapesDataset.CLASSES[0]).resolve(String.format("img_%03d.png", i)));
        }
        Path runs = tmp.resolve("runs");
        CliOutcome o = train(data, runs);
        assertRefused(o, "", runs);
        assertThat(o.err()).contains("'" + ShapesDataset.CLASSES[0] + "'").contains("only 1 image")
                .contains("Add at least");
    }

    @Test
    void junkIsSkippedAndListedAnUnmatchedGroupPatternIsReportedAndABadReusedSplitIsRefused() throws Exception {
        Path data = ShapesDataset.write(tmp.resolve("shapes"), 10, 32, 2);
        Path cls = data.resolve(ShapesDataset.CLASSES[0]);
        Files.write(cls.resolve("empty.jpg"), new byte[0]);
        Files.writeString(cls.resolve("notes.txt"), "not an image");
        Files.write(cls.resolve("Thumbs.db"), new byte[] {1, 2, 3});
        Files.copy(cls.resolve("img_000.png"), data.resolve("stray.png"));
        Path runs = tmp.resolve("runs");

        CliOutcome o = train(data, runs, "--group", "^specimen_(\\d+)");

        assertThat(o.code()).as(o.err()).isZero();
        String c = ShapesDataset.CLASSES[0];
        assertThat(o.out()).contains("30 images in 3 classes, 4 files skipped")
                .contains("skipped " + c + "/empty.jpg: empty file (0 bytes)")
                .contains("skipped " + c + "/notes.txt: not an image file (extension .txt)")
                .contains("skipped " + c + "/Thumbs.db: hidden or system file")
                .contains("skipped stray.png: image directly in the dataset root")
                .contains("Warning: the group pattern '^specimen_(\\d+)' matches none of 30 file names; each "
                        + "unmatched file is a group of its own (30 groups in all)");
        RunDirectory run = new RunStore(runs).list().get(0);
        assertThat(Files.readAllLines(run.file(RunDirectory.SKIPPED))).contains("relative_path,reason",
                c + "/empty.jpg,empty file (0 bytes)", c + "/Thumbs.db,hidden or system file");
        assertThat(Files.readString(run.file(RunDirectory.LOG))).contains("Warning: the group pattern");

        // The split manifest of that run, on another dataset with the same file names ...
        Path split = run.file(RunDirectory.SPLIT);
        Path other = ShapesDataset.write(tmp.resolve("other"), 10, 32, 99);
        CliOutcome otherData = train(other, runs, "--reuse-split", split.toString());
        assertThat(otherData.code()).isEqualTo(1);
        assertThat(otherData.err()).contains("Error: This split was made for a different version of the dataset")
                .contains("Make a new split");
        // ... and on the same dataset with files gone.
        Files.delete(data.resolve(c).resolve("img_003.png"));
        Files.delete(data.resolve(c).resolve("img_004.png"));
        CliOutcome missing = train(data, runs, "--reuse-split", split.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("Error: The split names 2 file(s) that are not usable images in " + data)
                .contains(c + "/img_003.png").contains("Restore them or make a new split.");
        assertThat(new RunStore(runs).list()).as("refused reuse creates no run").hasSize(1);
    }
}
