package org.transferworkbench.report.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.io.Json;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.engine.study.RepeatState;
import org.transferworkbench.engine.study.StudyArm;
import org.transferworkbench.engine.study.StudyFolder;
import org.transferworkbench.engine.study.StudyListener;
import org.transferworkbench.engine.study.StudyQueue;
import org.transferworkbench.engine.study.StudyRepeat;
import org.transferworkbench.engine.study.StudyRunner;
import org.transferworkbench.engine.study.StudySpec;
import org.transferworkbench.engine.study.StudyStore;
import org.transferworkbench.report.BandKind;
import org.transferworkbench.report.ReportManifest;
import org.transferworkbench.report.ReportWriter;
import org.transferworkbench.report.StudyReportWriter;
import org.transferworkbench.report.render.ReportFormat;
import org.transferworkbench.testing.CliOutcome;
import org.transferworkbench.testing.ShapesDataset;

/**
 * One tiny real study (VGG11 at 32 px, frozen convolutions, 1 epoch, 2 arms x 2 seeds) and one 2-fold study, then
 * their reports: every item a reviewer asks for in both formats, through the writer and the command line, and the
 * report of a study with a failed and a pending repeat.
 */
class StudyReportTest {
    @TempDir
    static Path tmp;
    private static RunStore runs;
    private static StudyStore studies;
    private static StudyFolder seeds;
    private static StudyFolder folds;

    @BeforeAll
    static void runTheStudies() throws IOException {
        Path data = ShapesDataset.write(tmp.resolve("shapes"), 6, 32, 5);
        runs = new RunStore(tmp.resolve("runs"));
        studies = new StudyStore(runs.root());
        Map<String, String> base = Map.of("model", "vgg11", "input", "32", "freeze", "conv", "hidden", "0",
                "epochs", "1", "batch", "8", "patience", "0");
        seeds = studies.create(new StudySpec("lr-check", data, base, List.of(new StudyArm("slow", Map.of()),
                new StudyArm("fast", Map.of("lr", "0.01"))), List.of(1L, 2L), 0), LocalDateTime.now());
        new StudyRunner(runs).run(seeds, new StudyListener() { }, CancellationToken.none());
        folds = studies.create(new StudySpec("folded", data, Map.of("model", "vgg11", "input", "32", "freeze",
                "conv", "hidden", "0", "epochs", "1", "batch", "8", "patience", "0", "group", "img_(\\d+)"),
                List.of(new StudyArm("only", Map.of())), List.of(7L), 2), LocalDateTime.now());
        new StudyRunner(runs).run(folds, new StudyListener() { }, CancellationToken.none());
    }

    private static ReportWriter.Written write(StudyFolder study, Path out) throws IOException {
        return StudyReportWriter.write(study, runs, out, EnumSet.allOf(ReportFormat.class), BandKind.SD,
                ProgressReporter.silent(), CancellationToken.none());
    }

    /** Both formats as plain text: Markdown without its backslash escapes, HTML without tags and entities. */
    private static List<String> texts(Path folder) throws IOException {
        String md = Files.readString(folder.resolve("report.md"))
                .replaceAll("\\\\([\\\\`*_\\[\\]{}()#+\\-!|~])", "$1");
        String html = Files.readString(folder.resolve("report.html")).replaceAll("<[^>]+>", " ")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
        return List.of(md, html);
    }

    @Test
    void theReportOfAFinishedStudyHoldsEverythingAReviewerAsksFor() throws IOException {
        ReportWriter.Written written = write(seeds, null);

        Path folder = seeds.path().resolve("report");
        assertThat(written.folder()).isEqualTo(folder.toAbsolutePath().normalize());
        var queue = seeds.readQueue();
        String fingerprint = runs.open(queue.repeats().get(0).runId()).readConfig().datasetFingerprint();
        for (String text : texts(folder)) {
            assertThat(text).contains(
                    // methods paragraph: dataset, arms and their difference, repeats, split, networks, training
                    "We compared 2 configurations (arms: \"slow\" and \"fast\") on the image dataset in",
                    "The arms differ only in lr (\"slow\": 1e-3, \"fast\": 0.01)",
                    "Each arm was trained 2 times (once per seed; seeds 1 and 2)",
                    "stratified per class (70 / 15 / 15 %)", "repeats are paired by seed.",
                    "Arm \"slow\" trained a VGG11 network (configuration A) on 32×32-pixel inputs",
                    "batches of 8 images and at most 1 epoch; no early stopping",
                    // statistics
                    "percentile bootstrap interval over its own test images (2000 resamples",
                    "averaged bound by bound", "two-sided paired t-test over the repeats paired by seed",
                    "beyond the run-to-run noise only when that interval excludes zero",
                    "The experiment was run with Transfer Workbench",
                    // design, settings, dataset
                    "Study design", "Seeds", "1, 2", "Training settings", "optimizer", "0.01 (arm)",
                    "Dataset fingerprint (SHA-256)", fingerprint, "Images per class and split", "all classes",
                    // results
                    "Test figures per arm", "2 of 2", " ± ", "Paired comparisons", "fast − slow",
                    "p (paired t)", "run-to-run sd",
                    // repeats, weights, environment
                    "Every repeat", queue.repeats().get(3).runId(), "succeeded", "Starting weights per arm",
                    "random initialisation", "Software and hardware", "Deeplearning4j / ND4J", "Processor / GPU",
                    "Memory");
            assertThat(text).doesNotContain("missing from the results", "Only ");
        }
        assertThat(texts(folder).get(0)).contains("(figures/study-curves.png)", "(files/study.json)",
                "(files/split-repeat-1-seed-1.csv)", "(files/split-repeat-4-seed-2.csv)");
        BufferedImage png = ImageIO.read(folder.resolve("figures/study-curves.png").toFile());
        assertThat(png.getWidth()).isEqualTo(1200);
        assertThat(png.getHeight()).isEqualTo(900);
        assertThat(Files.readAllLines(folder.resolve("files/split-repeat-4-seed-2.csv")))
                .isEqualTo(Files.readAllLines(runs.open(queue.repeats().get(3).runId()).file("split.csv")));
        ReportManifest manifest = Json.read(folder.resolve("report.json"), ReportManifest.class);
        assertThat(manifest.subject()).contains(seeds.id());
        assertThat(manifest.files()).contains("figures/study-curves.png", "files/study.json", "report.html",
                "report.md");
    }

    @Test
    void aFoldStudyAttachesItsFoldListsAndNamesTheGrouping() throws IOException {
        Path out = tmp.resolve("fold-report");
        write(folds, out);

        for (String text : texts(out)) {
            assertThat(text).contains("one configuration (\"only\")",
                    "It was trained 2 times (once per fold of a 2-fold cross-validation, with seed 7)",
                    "assigned to 2 folds, stratified per class and group-aware", "regular expression img_(\\d+)",
                    "paired by seed and fold", "averaged bound by bound over the repeats; pooling",
                    "The study has one arm, so there is nothing to compare.");
        }
        for (int fold = 1; fold <= 2; fold++) {
            assertThat(Files.readAllLines(out.resolve("files/seed-7-fold-" + fold + ".csv")))
                    .isEqualTo(Files.readAllLines(folds.foldSplit(7, fold - 1)));
        }
    }

    @Test
    void aStudyWithAFailedAndAPendingRepeatStillGetsAReportThatSaysWhatIsMissing() throws IOException {
        StudyFolder broken = copy(seeds, "broken");
        StudyQueue queue = broken.readQueue();
        StudyRepeat failed = queue.repeats().get(3);
        StudyRepeat pending = queue.repeats().get(2);
        broken.writeQueue(queue.with(failed.ended(RepeatState.FAILED, "Out of memory in epoch 1."))
                .with(StudyRepeat.pending(pending.index(), pending.arm(), pending.seed(), pending.fold())));

        write(broken, null);

        for (String text : texts(broken.path().resolve("report"))) {
            assertThat(text).contains("Only 2 of the 4 planned repeats are finished and readable",
                    "2 of 4 repeats are missing from the results",
                    "repeat 3 (slow, seed 2): not started yet",
                    "repeat 4 (fast, seed 2): failed – Out of memory in epoch 1. Continue",
                    "./run.sh study resume " + broken.id(), "One pair only", "1 of 2",
                    "1 of the 4 repeats has no split list to attach");
        }
    }

    @Test
    void aStudyThatHasNotStartedGetsAReportOfItsPlan() throws IOException {
        StudyFolder fresh = studies.create(seeds.readSpec(), LocalDateTime.of(2020, 1, 1, 0, 0));

        write(fresh, null);

        for (String text : texts(fresh.path().resolve("report"))) {
            assertThat(text).contains("Arm \"slow\" has no run yet", "No run of this study has started yet",
                    "No repeat has finished yet", "4 of 4 repeats are missing", "Training settings");
        }
        assertThat(fresh.path().resolve("report/figures")).doesNotExist();
    }

    @Test
    void theCommandLineWritesTheChosenFormatsAndRejectsBadInputWithOneSentence() throws IOException {
        String store = runs.root().toString();
        Path out = tmp.resolve("cli-report");

        CliOutcome ok = cli("study", "report", seeds.id(), "--out", out.toString(), "--format", "md", "--band",
                "minmax", "--runs-dir", store);

        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("Report of study " + seeds.id() + " written to " + out.toAbsolutePath(),
                "report.md");
        assertThat(out.resolve("report.md")).content().contains("shaded min–max");
        assertThat(out.resolve("report.html")).doesNotExist();
        assertThat(ImageIO.read(out.resolve("figures/study-curves.png").toFile())).isNotNull();

        CliOutcome format = cli("study", "report", seeds.id(), "--format", "pdf", "--runs-dir", store);
        assertThat(format.code()).isEqualTo(1);
        assertThat(format.err()).contains("Unknown report format 'pdf'; use html or md.");
        CliOutcome band = cli("study", "report", seeds.id(), "--band", "wide", "--runs-dir", store);
        assertThat(band.code()).isEqualTo(1);
        assertThat(band.err()).contains("The band must be sd or minmax");
        CliOutcome unknown = cli("study", "report", "no-such-study", "--runs-dir", store);
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("No study 'no-such-study'");
        Files.writeString(Files.createDirectories(tmp.resolve("occupied")).resolve("notes.txt"), "mine");
        CliOutcome occupied = cli("study", "report", seeds.id(), "--out", tmp.resolve("occupied").toString(),
                "--runs-dir", store);
        assertThat(occupied.code()).isEqualTo(1);
        assertThat(occupied.err()).contains("already holds files that are not a Workbench report");
    }

    private static StudyFolder copy(StudyFolder study, String suffix) throws IOException {
        Path target = studies.root().resolve(study.id() + "-" + suffix);
        try (Stream<Path> files = Files.walk(study.path())) {
            for (Path p : files.filter(p -> !p.startsWith(study.path().resolve("report"))).toList()) {
                Path to = target.resolve(study.path().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (!p.getFileName().toString().equals(".lock")) {
                    Files.copy(p, to);
                }
            }
        }
        return new StudyFolder(target);
    }


    private static CliOutcome cli(String... args) {
        return CliOutcome.run(args);
    }
}
