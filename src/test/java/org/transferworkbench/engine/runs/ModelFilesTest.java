package org.transferworkbench.engine.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class ModelFilesTest {

    @TempDir
    Path dir;

    @Test
    void savedModelRestoresThroughModelSerializerWithItsOptimiserState() throws Exception {
        ComputationGraph model = trainedGraph();
        Path file = dir.resolve("model.zip");
        ModelFiles.save(model, file, true);

        ComputationGraph restored = ModelSerializer.restoreComputationGraph(file.toFile(), true);
        assertThat(restored.getConfiguration()).isEqualTo(model.getConfiguration());
        assertThat(restored.params()).isEqualTo(model.params());
        assertThat(restored.getUpdater().getStateViewArray()).isEqualTo(model.getUpdater().getStateViewArray());
        assertThat(ModelFiles.load(file, true).params()).isEqualTo(model.params());

        // Training on from the restored copy takes the same step as the original: the Adam moments came back.
        DataSet batch = batch(11);
        model.fit(batch);
        restored.fit(batch);
        assertThat(restored.params()).isEqualTo(model.params());
    }

    @Test
    void entriesAreModelSerializersAndNotCompressed() throws Exception {
        ComputationGraph model = trainedGraph();
        Path file = dir.resolve("model.zip");
        ModelFiles.save(model, file, false);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(names).containsExactly(ModelSerializer.CONFIGURATION_JSON, ModelSerializer.COEFFICIENTS_BIN);
            ZipEntry coefficients = zip.getEntry(ModelSerializer.COEFFICIENTS_BIN);
            assertThat(coefficients.getCompressedSize()).isGreaterThanOrEqualTo(coefficients.getSize());
        }
        assertThat(ModelFiles.load(file, false).params()).isEqualTo(model.params());
    }

    private static ComputationGraph trainedGraph() {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder()
                .seed(3).updater(new Adam(1e-2)).dataType(DataType.FLOAT)
                .graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.convolutional(8, 8, 3))
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build(), "in")
                .addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "conv")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
                        .activation(Activation.SOFTMAX).build(), "gap")
                .setOutputs("out")
                .build());
        graph.init();
        graph.fit(batch(7));
        return graph;
    }

    private static DataSet batch(long seed) {
        Nd4j.getRandom().setSeed(seed);
        return new DataSet(Nd4j.rand(DataType.FLOAT, 4, 3, 8, 8), Nd4j.eye(2).repeat(0, 2).castTo(DataType.FLOAT));
    }
}
