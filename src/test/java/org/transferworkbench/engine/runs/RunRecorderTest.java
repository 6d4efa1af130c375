package org.transferworkbench.engine.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.transferworkbench.engine.io.WriteFaults;
import org.transferworkbench.engine.training.EpochMetrics;

/** Epochs are saved in the background while the next one trains; what reaches the disk is each epoch's own state. */
class RunRecorderTest {

    @TempDir
    Path dir;

    @Test
    void eachCheckpointHoldsItsEpochsModelThoughTrainingWentOnWhileItWasWritten() throws Exception {
        RunDirectory run = new RunDirectory(dir);
        ComputationGraph model = graph();
        try (RunRecorder recorder = started(run)) {
            fit(model, 1);
            recorder.onEpochCompleted(metrics(1, 0.5), model, true);
            fit(model, 2); // the next epoch trains while epoch 1 may still be written
            recorder.onEpochCompleted(metrics(2, 0.4), model, false);
            fit(model, 3);
            INDArray epoch3 = model.params().dup();
            recorder.onEpochCompleted(metrics(3, 0.7), model, true);
            model.params().addi(1); // and the model moves on again before anyone waits
            recorder.awaitSaved();

            assertThat(recorder.status().epochsCompleted()).isEqualTo(3);
            assertThat(recorder.status().bestEpoch()).isEqualTo(3);
            assertThat(ModelFiles.load(run.checkpoint(3), true).params()).isEqualTo(epoch3);
            assertThat(ModelFiles.load(run.file(RunDirectory.BEST_MODEL), true).params()).isEqualTo(epoch3);
            assertThat(ModelFiles.load(run.checkpoint(3), true).params()).isNotEqualTo(model.params());
        }
        assertThat(run.readStatus().epochsCompleted()).isEqualTo(3);
        assertThat(run.readMetrics()).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("checkpoint-epoch-3.zip", "best-model.zip", "metrics.csv",
                            "run.json");
        }
    }

    @Test
    void theBestModelStaysAtTheImprovingEpochWithItsOptimiserState() throws Exception {
        RunDirectory run = new RunDirectory(dir);
        ComputationGraph model = graph();
        try (RunRecorder recorder = started(run)) {
            fit(model, 1);
            INDArray epoch1 = model.params().dup();
            INDArray epoch1Adam = model.getUpdater().getStateViewArray().dup();
            recorder.onEpochCompleted(metrics(1, 0.6), model, true);
            fit(model, 2);
            INDArray epoch2 = model.params().dup();
            recorder.onEpochCompleted(metrics(2, 0.5), model, false);
            recorder.awaitSaved();

            ComputationGraph best = ModelFiles.load(run.file(RunDirectory.BEST_MODEL), true);
            assertThat(best.params()).isEqualTo(epoch1);
            assertThat(best.getUpdater().getStateViewArray()).isEqualTo(epoch1Adam);
            assertThat(ModelFiles.load(run.checkpoint(2), true).params()).isEqualTo(epoch2);
            assertThat(run.checkpoint(1)).doesNotExist();
            assertThat(run.readStatus().bestEpoch()).isEqualTo(1);
            assertThat(run.readStatus().epochsCompleted()).isEqualTo(2);
        }
    }

    @Test
    void aFailedSaveIsReportedAtTheNextEpochsEndAndTheDiskKeepsTheEpochBefore() throws Exception {
        RunDirectory run = new RunDirectory(dir);
        ComputationGraph model = graph();
        try (RunRecorder recorder = started(run)) {
            fit(model, 1);
            recorder.onEpochCompleted(metrics(1, 0.5), model, true);
            try (AutoCloseable full = WriteFaults.inject(
                    p -> p.getFileName().toString().equals("checkpoint-epoch-2.zip"))) {
                fit(model, 2);
                recorder.onEpochCompleted(metrics(2, 0.6), model, true);
                fit(model, 3);
                assertThatThrownBy(() -> recorder.onEpochCompleted(metrics(3, 0.7), model, true))
                        .isInstanceOf(UncheckedIOException.class)
                        .hasMessageContaining("Could not save epoch 2")
                        .hasMessageContaining("No space left on device");
            }
            assertThat(recorder.status().epochsCompleted()).isEqualTo(1);
            recorder.awaitSaved(); // reported once: nothing more to throw
        }
        assertThat(run.readStatus().epochsCompleted()).isEqualTo(1);
        assertThat(run.readMetrics()).extracting(EpochMetrics::epoch).containsExactly(1);
        assertThat(run.checkpoint(1)).isRegularFile();
        assertThat(run.checkpoint(2)).doesNotExist();
    }

    @Test
    void statusWaitsForTheSaveInProgressSoRunJsonIsNeverWrittenTwiceAtOnce() throws Exception {
        RunDirectory run = new RunDirectory(dir);
        ComputationGraph model = graph();
        try (RunRecorder recorder = started(run)) {
            fit(model, 1);
            recorder.onEpochCompleted(metrics(1, 0.5), model, true);
            RunStatus ended = recorder.status().ended(RunState.SUCCEEDED, "completed", Instant.now());
            recorder.update(ended);
        }
        assertThat(run.readStatus().state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.readStatus().epochsCompleted()).isEqualTo(1);
    }

    @Test
    void modelsTooLargeToCopyAreSavedBeforeTheEpochEndReturns() throws Exception {
        RunDirectory run = new RunDirectory(dir);
        ComputationGraph model = graph();
        try (RunRecorder recorder = new RunRecorder(run, RunStatus.started(Instant.now()), List.of(), 0)) {
            fit(model, 1);
            INDArray epoch1 = model.params().dup();
            recorder.onEpochCompleted(metrics(1, 0.5), model, true);
            assertThat(run.readStatus().epochsCompleted()).isEqualTo(1);
            assertThat(ModelFiles.load(run.checkpoint(1), true).params()).isEqualTo(epoch1);
            assertThat(ModelFiles.load(run.file(RunDirectory.BEST_MODEL), true).params()).isEqualTo(epoch1);
        }
    }

    private static RunRecorder started(RunDirectory run) {
        return new RunRecorder(run, RunStatus.started(Instant.now()), List.of());
    }

    private static EpochMetrics metrics(int epoch, double validationAccuracy) {
        return new EpochMetrics(epoch, 1.0 / epoch, 0.5, 1.0 / epoch, validationAccuracy, 1e-2, 0.1, 100);
    }

    private static ComputationGraph graph() {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder()
                .seed(3).updater(new Adam(1e-2)).dataType(DataType.FLOAT)
                .graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.feedForward(6))
                .addLayer("dense", new DenseLayer.Builder().nOut(5).activation(Activation.RELU).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
                        .activation(Activation.SOFTMAX).build(), "dense")
                .setOutputs("out")
                .build());
        graph.init();
        return graph;
    }

    private static void fit(ComputationGraph model, long seed) {
        Nd4j.getRandom().setSeed(seed);
        model.fit(new DataSet(Nd4j.rand(DataType.FLOAT, 4, 6), Nd4j.eye(2).repeat(0, 2).castTo(DataType.FLOAT)));
    }
}
