package org.transferworkbench.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.data.SplitSpec;
import org.transferworkbench.engine.io.Json;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.model.weights.Adler32Checksum;
import org.transferworkbench.engine.model.weights.WeightLoadReport;
import org.transferworkbench.engine.model.weights.WeightsChoice;
import org.transferworkbench.engine.model.weights.WeightsSource;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.runs.ModelFiles;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunState;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.engine.training.Hyperparameters;
import org.transferworkbench.engine.training.Optimizer;
import org.transferworkbench.testing.ShapesDataset;

/** {@code --weights warmstart:vgg11}: a VGG11 run, then the deeper run started from it; and its failure modes. */
class WarmStartExperimentTest {
    private static final String LAYERS = "block1_conv1,block2_conv1,block3_conv1,block3_conv2,predictions";

    @TempDir
    Path tmp;
    Path data;
    RunStore store;

    @BeforeEach
    void tinyData() throws Exception {
        data = ShapesDataset.write(tmp.resolve("shapes"), 6, 36, 5);
        store = new RunStore(tmp.resolve("runs"));
    }

    @Test
    void trainsVgg11ThenStartsVgg16FromItOnTheSameSplitAndRecordsTheSource() throws Exception {
        List<String> stages = new CopyOnWriteArrayList<>();
        List<String> messages = new CopyOnWriteArrayList<>();
        ExperimentListener listener = new ExperimentListener() {
            @Override
            public void onStage(String stage) {
                stages.add(stage);
            }

            @Override
            public void onMessage(String message) {
                messages.add(message);
            }
        };
        // Blocks 1-3 frozen: the copied convolutions then reach the best model unchanged, which proves where they
        // came from (the paper trains everything; the run warns about that).
        ExperimentRequest request = request(VggVariant.VGG16, "warmstart:vgg11", FreezePlan.parse("blocks:1-3"));

        WarmStartResult result = new WarmStartExperiment(new ExperimentRunner(store))
                .run(request, listener, CancellationToken.none());

        assertThat(result.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(store.list()).hasSize(2);
        RunDirectory warmup = result.warmup().run();
        RunDirectory target = result.target().run();
        assertThat(warmup.id()).endsWith("-ws-vgg11-warmup");
        assertThat(warmup.readStatus().state()).isEqualTo(RunState.SUCCEEDED);
        RunConfig warmupConfig = warmup.readConfig();
        assertThat(warmupConfig.model()).isEqualTo("vgg11");
        assertThat(warmupConfig.freezePlan()).isEqualTo("none");
        assertThat(warmupConfig.hyperparameters()).isEqualTo(hyper());

        RunConfig config = target.readConfig();
        assertThat(config.model()).isEqualTo("vgg16");
        assertThat(config.weights()).isEqualTo("warmstart run=" + warmup.id() + " model="
                + warmup.file(RunDirectory.BEST_MODEL).toAbsolutePath().normalize() + " adler32="
                + Adler32Checksum.of(warmup.file(RunDirectory.BEST_MODEL)) + " layers=" + LAYERS);
        assertThat(config.splitManifestSource()).isEqualTo(warmup.file(RunDirectory.SPLIT).toAbsolutePath()
                .toString());
        assertThat(Files.readString(target.file(RunDirectory.SPLIT)))
                .isEqualTo(Files.readString(warmup.file(RunDirectory.SPLIT)));
        WeightLoadReport report = Json.read(target.file(WeightLoadReport.FILE_NAME), WeightLoadReport.class);
        assertThat(String.join(",", report.loaded())).isEqualTo(LAYERS);
        assertThat(report.source()).contains("run " + warmup.id());
        assertThat(stages).contains("VGG11 warm-up (1/2): training", "VGG16 from VGG11 (2/2): training",
                "VGG16 from VGG11 (2/2): loading weights");
        assertThat(result.summary()).contains(target.id(), warmup.id());
        assertThat(messages).anyMatch(m -> m.startsWith("Warning: --freeze blocks:1-3 keeps frozen blocks"));

        ComputationGraph vgg11 = ModelFiles.load(warmup.file(RunDirectory.BEST_MODEL), false);
        ComputationGraph vgg16 = ModelFiles.load(target.file(RunDirectory.BEST_MODEL), false);
        for (String name : List.of("block1_conv1", "block2_conv1", "block3_conv1", "block3_conv2")) {
            assertThat(vgg16.getLayer(name).getParam("W").dup().data().asFloat()).as(name)
                    .isEqualTo(vgg11.getLayer(name).getParam("W").dup().data().asFloat());
        }
    }

    @Test
    void aCancelledWarmupLeavesTheDeeperNetUnstarted() throws Exception {
        CancellationToken cancel = new CancellationToken();
        ExperimentListener listener = new ExperimentListener() {
            @Override
            public void onStage(String stage) {
                if (stage.equals("VGG11 warm-up (1/2): training")) {
                    cancel.cancel();
                }
            }
        };

        WarmStartResult result = new WarmStartExperiment(new ExperimentRunner(store))
                .run(request(VggVariant.VGG19, "warmstart:vgg11"), listener, cancel);

        assertThat(result.state()).isEqualTo(RunState.CANCELLED);
        assertThat(result.target()).isNull();
        assertThat(result.last()).isSameAs(result.warmup());
        assertThat(result.summary()).isEqualTo("The VGG11 warm-up run " + result.warmup().run().id()
                + " was cancelled, so VGG19 was not started.");
        assertThat(store.list()).hasSize(1);
    }

    @Test
    void aFailedWarmupSaysSoAndLeavesTheDeeperNetUnstarted() throws Exception {
        ExperimentListener failing = new ExperimentListener() {
            @Override
            public void onStage(String stage) {
                if (stage.endsWith("(1/2): training")) {
                    throw new IllegalStateException("Disk on fire.");
                }
            }
        };

        assertThatThrownBy(() -> new WarmStartExperiment(new ExperimentRunner(store))
                .run(request(VggVariant.VGG16, "warmstart:vgg11"), failing, CancellationToken.none()))
                .isInstanceOf(RunFailedException.class)
                .hasMessageContaining("The VGG11 warm-up run").hasMessageContaining("failed, so VGG16 was not started")
                .hasMessageContaining("Disk on fire");
        assertThat(store.list()).hasSize(1);
    }

    @Test
    void anExistingRunThatIsNoVgg11OrHasOtherClassesIsRefusedBeforeAnyRunFolder() throws Exception {
        RunDirectory vgg13 = fakeRun("20260101-000000-vgg13", "vgg13", List.of(ShapesDataset.CLASSES));
        RunDirectory otherClasses = fakeRun("20260101-000001-vgg11", "vgg11", List.of("a", "b", "c"));
        ExperimentRunner runner = new ExperimentRunner(store);

        assertThatThrownBy(() -> runner.run(request(VggVariant.VGG16, "warmstart:" + vgg13.id()),
                new ExperimentListener() { }, CancellationToken.none()))
                .hasMessage("The warm-start run " + vgg13.id() + " is a VGG13 (configuration B), not a VGG11 "
                        + "(configuration A).");
        assertThatThrownBy(() -> runner.run(request(VggVariant.VGG16, "warmstart:" + otherClasses.id()),
                new ExperimentListener() { }, CancellationToken.none()))
                .hasMessageContaining("was trained on the classes [a, b, c], this dataset has [blue_triangle");
        assertThatThrownBy(() -> runner.run(request(VggVariant.VGG16, "warmstart:vgg11"),
                new ExperimentListener() { }, CancellationToken.none()))
                .hasMessageContaining("trains a VGG11 first");
        assertThatThrownBy(() -> new WarmStartExperiment(runner).run(request(VggVariant.VGG11, "warmstart:vgg11"),
                new ExperimentListener() { }, CancellationToken.none()))
                .hasMessageContaining("initialises a deeper network");
        assertThat(store.list()).hasSize(2);
    }

    /** A run folder with a best model and the config of {@code model}, enough for the checks before training. */
    private RunDirectory fakeRun(String id, String model, List<String> classes) throws Exception {
        RunDirectory run = new RunDirectory(Files.createDirectories(store.root().resolve(id)));
        run.writeStatus(org.transferworkbench.engine.runs.RunStatus.started(java.time.Instant.now()));
        Files.writeString(run.file(RunDirectory.BEST_MODEL), "not read before the checks pass");
        run.writeConfig(new RunConfig(RunConfig.FORMAT_VERSION, id, java.time.Instant.now(), data.toString(), "x",
                classes, model, 32, HeadType.COMPACT, 0, 0.5, "none", hyper(), SplitSpec.defaults(), null, null,
                null, "random", java.util.Map.of()));
        return run;
    }

    private ExperimentRequest request(VggVariant variant, String weights) {
        return request(variant, weights, FreezePlan.fineTuneAll());
    }

    private ExperimentRequest request(VggVariant variant, String weights, FreezePlan freeze) {
        return new ExperimentRequest(data, "ws", variant, 32, HeadType.COMPACT, 0, 0.5, freeze,
                hyper(), SplitSpec.defaults(), null, null, null,
                new WeightsChoice(WeightsSource.parse(weights), false, null));
    }

    private static Hyperparameters hyper() {
        return new Hyperparameters(Optimizer.ADAM, 1e-3, 0.9, 4, 1, 0, 42, 0, 1, false);
    }
}
