package org.transferworkbench.engine.model.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.cli.Cli;
import org.transferworkbench.engine.io.Json;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.runs.ModelFiles;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunState;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.testing.ShapesDataset;

/** {@code train --weights keras:FILE}: the run starts from the file, records it, and frozen blocks keep it. */
class WeightsInRunTest {

    @TempDir
    Path tmp;

    @Test
    void trainFromKerasWeightsRecordsSourceAndKeepsFrozenConvolutions() throws Exception {
        Path data = ShapesDataset.write(tmp.resolve("shapes"), 8, 40, 3);
        Map<String, List<KerasH5Writer.Array>> keras =
                TestVggWeights.kerasLayers(ModelSpec.compact(VggVariant.VGG16, 32, 3), false, 4);
        Path file = tmp.resolve("vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5");
        KerasH5Writer.write(file, keras, KerasH5Writer.Naming.KERAS1);
        Path runs = tmp.resolve("runs");

        int code = Cli.run("train", "--data", data.toString(), "--runs-dir", runs.toString(), "--input", "32",
                "--epochs", "1", "--batch", "4", "--patience", "0", "--freeze", "conv",
                "--weights", "keras:" + file);

        assertThat(code).isZero();
        RunDirectory run = new RunStore(runs).list().get(0);
        assertThat(run.readStatus().state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.readConfig().weights()).isEqualTo("keras " + file.toAbsolutePath() + " adler32="
                + Adler32Checksum.of(file));
        WeightLoadReport report = Json.read(run.file(WeightLoadReport.FILE_NAME), WeightLoadReport.class);
        assertThat(report.loaded()).hasSize(13);
        assertThat(report.random()).containsExactly("head_dense", "predictions");

        ComputationGraph best = ModelFiles.load(run.file(RunDirectory.BEST_MODEL), false);
        assertThat(best.getLayer("block4_conv2").getParam("W"))
                .isEqualTo(KerasLayout.convKernel(org.nd4j.linalg.factory.Nd4j.create(
                        keras.get("block4_conv2").get(0).data(), keras.get("block4_conv2").get(0).shape(), 'c')));
    }
}
