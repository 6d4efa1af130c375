package org.transferworkbench.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.data.AugmentationSettings;
import org.transferworkbench.engine.data.ResizePolicy;
import org.transferworkbench.engine.data.Split;
import org.transferworkbench.engine.data.SplitEntry;
import org.transferworkbench.engine.data.SplitManifest;
import org.transferworkbench.engine.data.SplitSpec;
import org.transferworkbench.engine.eval.EvaluationReport;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunState;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.engine.training.Hyperparameters;
import org.transferworkbench.engine.training.Optimizer;

/**
 * VGG16 at 64 px on real blood-smear crops (../shared/datasets/bccd-cells), split by source photo so that crops of
 * one photo never straddle two splits. A class-balanced subset keeps it within a few minutes on two cores.
 */
@Tag("integration")
class BccdIntegrationTest {
    private static final Logger LOG = LoggerFactory.getLogger(BccdIntegrationTest.class);
    private static final int PER_CLASS = Integer.getInteger("bccd.perClass", 150);
    private static final String GROUP = "^(BloodImage_\\d+)";

    @TempDir
    Path tmp;

    /** Removes the links ourselves: JUnit warns about every link it deletes that points outside its folder. */
    @org.junit.jupiter.api.AfterEach
    void removeLinks() throws IOException {
        Path subset = tmp.resolve("bccd");
        if (Files.isDirectory(subset)) {
            try (Stream<Path> s = Files.walk(subset)) {
                for (Path p : s.filter(Files::isSymbolicLink).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    static Path dataset() {
        String env = System.getenv("BCCD_DIR");
        return env != null ? Path.of(env) : Path.of("..", "shared", "datasets", "bccd-cells");
    }

    @Test
    void vgg16ReachesHighTestAccuracyWithAGroupedSplit() throws Exception {
        Path source = dataset();
        assumeTrue(Files.isDirectory(source.resolve("RBC")), "bccd-cells not present at " + source.toAbsolutePath());
        Path subset = balancedSubset(source, tmp.resolve("bccd"), PER_CLASS);
        // A private feature cache, so the measured time includes computing the features.
        System.setProperty("tw.featureCacheDir", tmp.resolve("feature-cache").toString());

        Hyperparameters hyper = new Hyperparameters(Optimizer.ADAM, 1e-3, 0.9, 16, 30, 0.0, 42, 10, 1.0, false);
        ExperimentRequest request = new ExperimentRequest(subset, "bccd", VggVariant.VGG16, 64, HeadType.COMPACT,
                0, 0.5, FreezePlan.featureExtraction(), hyper, new SplitSpec(0.6, 0.2, 0.2, 42, GROUP), null,
                AugmentationSettings.NONE, ResizePolicy.SHORTER_SIDE_CENTER_CROP);
        long start = System.nanoTime();
        ExperimentResult result = new ExperimentRunner(new RunStore(tmp.resolve("runs")))
                .run(request, new ExperimentListener() { }, CancellationToken.none());
        double minutes = (System.nanoTime() - start) / 60e9;

        assertThat(result.state()).isEqualTo(RunState.SUCCEEDED);
        RunDirectory run = result.run();
        assertNoGroupStraddlesSplits(SplitManifest.read(run.file(RunDirectory.SPLIT)));
        EvaluationReport test = result.test().report();
        List<EpochMetrics> epochs = run.readMetrics();
        LOG.info("BCCD VGG16 64px {} per class: test accuracy {} balanced {} after {} epochs in {} min",
                PER_CLASS, test.accuracy(), test.balancedAccuracy(), epochs.size(), String.format("%.1f", minutes));
        LOG.info("\n{}", test.toText());
        assertThat(test.accuracy()).as("test accuracy").isGreaterThanOrEqualTo(0.85);
        System.clearProperty("tw.featureCacheDir");
    }

    private static void assertNoGroupStraddlesSplits(SplitManifest manifest) {
        java.util.Map<String, Split> seen = new java.util.HashMap<>();
        for (SplitEntry e : manifest.entries()) {
            Split before = seen.putIfAbsent(e.group(), e.split());
            assertThat(before == null || before == e.split()).as("group " + e.group()).isTrue();
        }
        assertThat(seen.size()).as("groups").isGreaterThan(30);
    }

    /** Links (never copies) the first images of each class, whole source photos at a time, into a temp folder. */
    static Path balancedSubset(Path source, Path target, int perClass) throws IOException {
        for (String cls : List.of("Platelets", "RBC", "WBC")) {
            Path dir = Files.createDirectories(target.resolve(cls));
            List<Path> files;
            try (Stream<Path> s = Files.list(source.resolve(cls))) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".jpg")).sorted().toList();
            }
            // Spread over the whole dataset rather than the first photos only.
            int step = Math.max(1, files.size() / perClass);
            for (int i = 0; i < files.size() && i / step < perClass; i += step) {
                Path f = files.get(i).toAbsolutePath();
                Files.createSymbolicLink(dir.resolve(f.getFileName()), f);
            }
        }
        return target;
    }
}
