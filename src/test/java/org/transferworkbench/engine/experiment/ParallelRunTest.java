package org.transferworkbench.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.transferworkbench.engine.data.AugmentationSettings;
import org.transferworkbench.engine.data.ResizePolicy;
import org.transferworkbench.engine.data.SplitSpec;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.runs.ModelFiles;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunState;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.engine.training.DataParallelism;
import org.transferworkbench.engine.training.EpochMetrics;
import org.transferworkbench.engine.training.Hyperparameters;
import org.transferworkbench.engine.training.Optimizer;
import org.transferworkbench.testing.ShapesDataset;
import org.transferworkbench.testing.TinyRuns;

/**
 * Whole runs through ParallelWrapper with two workers on the CPU backend. On the CPU this is only a test vehicle
 * (the workers share the cores); it proves the wrapper path end to end: metrics, checkpoints with optimiser state,
 * a loadable best model, the evaluation, with and without the feature cache.
 */
class ParallelRunTest {
    private static final DataParallelism TWO = new DataParallelism(2);

    @TempDir
    Path tmp;

    @BeforeEach
    void isolateCache() {
        System.setProperty("tw.featureCacheDir", tmp.resolve("cache").toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("tw.featureCacheDir");
        System.clearProperty("tw.featureCache");
    }

    @Test
    void trainingPartlyFrozenWithTwoWorkersGivesACompleteRunWithALoadableModel() throws Exception {
        System.setProperty("tw.featureCache", "false");
        Path data = ShapesDataset.write(tmp.resolve("shapes"), 6, 32, 5);
        ExperimentRequest tiny = TinyRuns.request(data, "parallel", 1);
        ExperimentRequest request = new ExperimentRequest(data, "parallel", tiny.variant(), tiny.inputSize(),
                tiny.head(), tiny.compactHiddenUnits(), tiny.dropout(), FreezePlan.firstBlocksFrozen(3),
                tiny.hyper(), tiny.split(), null, null, null);
        ExperimentResult result = new ExperimentRunner(new RunStore(tmp.resolve("runs"))).withParallelism(TWO)
                .run(request, new ExperimentListener() { }, CancellationToken.none());

        assertThat(result.state()).isEqualTo(RunState.SUCCEEDED);
        RunDirectory run = result.run();
        assertCompleteRun(run, 1);
        ComputationGraph checkpoint = ModelFiles.load(run.checkpoint(1), true);
        assertThat(checkpoint.getUpdater().getStateViewArray().sumNumber().doubleValue())
                .as("Adam's state, averaged over the workers, is in the checkpoint").isNotZero();
        assertThat(Files.readString(run.file(RunDirectory.LOG)))
                .contains("Data-parallel training: 2 workers").contains("only a test of that path");
    }

    @Test
    void theFeatureCachePathTrainsItsHeadWithTwoWorkers() throws Exception {
        Path data = ShapesDataset.write(tmp.resolve("shapes"), 8, 32, 6);
        Hyperparameters hyper = new Hyperparameters(Optimizer.ADAM, 1e-2, 0.9, 4, 2, 0, 42, 0, 1, false);
        ExperimentRequest request = new ExperimentRequest(data, "cached-parallel", VggVariant.parse("vgg11"), 32,
                HeadType.COMPACT, 0, 0.5, FreezePlan.featureExtraction(), hyper, SplitSpec.defaults(), null,
                AugmentationSettings.NONE, ResizePolicy.SHORTER_SIDE_CENTER_CROP);
        ExperimentResult result = new ExperimentRunner(new RunStore(tmp.resolve("runs"))).withParallelism(TWO)
                .run(request, new ExperimentListener() { }, CancellationToken.none());

        assertThat(result.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(result.run().file(CachedTraining.REPORT_FILE)).isRegularFile();
        assertCompleteRun(result.run(), 2);
    }

    private static void assertCompleteRun(RunDirectory run, int epochs) throws Exception {
        List<EpochMetrics> metrics = run.readMetrics();
        assertThat(metrics).extracting(EpochMetrics::epoch)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, epochs).boxed().toList());
        assertThat(metrics).allSatisfy(m -> {
            assertThat(m.trainLoss()).isFinite().isPositive();
            assertThat(m.trainAccuracy()).isBetween(0.0, 1.0);
            assertThat(m.validationAccuracy()).isBetween(0.0, 1.0);
        });
        assertThat(run.readStatus().epochsCompleted()).isEqualTo(epochs);
        assertThat(run.readEvaluation()).isPresent();
        ComputationGraph best = ModelFiles.load(run.file(RunDirectory.BEST_MODEL), false);
        INDArray probabilities = best.outputSingle(Nd4j.rand(1, 3, 32, 32));
        assertThat(probabilities.shape()).containsExactly(1, ShapesDataset.CLASSES.length);
        assertThat(probabilities.sumNumber().doubleValue()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }
}
