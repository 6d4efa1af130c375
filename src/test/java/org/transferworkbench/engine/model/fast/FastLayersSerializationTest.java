package org.transferworkbench.engine.model.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Graphs with fast layers must survive JSON and ModelSerializer round trips as fast layers. */
class FastLayersSerializationTest {

    private final INDArray features = TinyVgg.batch(4, 11).getFeatures();

    @Test
    void jsonRoundTripKeepsFastLayerTypes() {
        ComputationGraphConfiguration conf = TinyVgg.fast()
                .wrapping(FrozenLayer::new, FrozenLayerWithBackprop::new).build().getConfiguration();
        ComputationGraphConfiguration restored = ComputationGraphConfiguration.fromJson(conf.toJson());

        assertEquals(conf, restored);
        assertInstanceOf(FastConvolutionLayer.class, layerConf(restored, "c2"));
        assertInstanceOf(FastMaxPoolingLayer.class, layerConf(restored, "p1"));
        FrozenLayer frozen = assertInstanceOf(FrozenLayer.class, layerConf(restored, "c1"));
        assertInstanceOf(FastConvolutionLayer.class, frozen.getLayer());
    }

    @Test
    void jsonRebuiltGraphGivesIdenticalOutput() {
        ComputationGraph original = TinyVgg.fast().build();
        ComputationGraph rebuilt = new ComputationGraph(
                ComputationGraphConfiguration.fromJson(original.getConfiguration().toJson()));
        rebuilt.init(original.params().dup(), false);
        assertEquals(original.outputSingle(false, features), rebuilt.outputSingle(false, features));
    }

    @Test
    void modelSerializerRoundTripGivesIdenticalOutput(@TempDir Path dir) throws Exception {
        ComputationGraph original = TinyVgg.fast().wrapping(FrozenLayer::new, FrozenLayerWithBackprop::new).build();
        original.fit(TinyVgg.batch(4, 3)); // so the updater state is non-trivial too
        File file = dir.resolve("fast.zip").toFile();
        ModelSerializer.writeModel(original, file, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(file, true);

        assertEquals(original.getConfiguration(), restored.getConfiguration());
        assertEquals(original.params(), restored.params());
        assertEquals(original.getUpdater().getStateViewArray(), restored.getUpdater().getStateViewArray());
        assertEquals(original.outputSingle(false, features), restored.outputSingle(false, features));
    }

    @Test
    void fastAndStockLayerConfigsAreNotEqual() {
        assertNotEquals(new ConvolutionLayer.Builder(3, 3).nIn(3).nOut(8).build(),
                new FastConvolutionLayer.Builder(3, 3).nIn(3).nOut(8).build());
        int[] two = {2, 2};
        assertNotEquals(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX, two, two).build(),
                new FastMaxPoolingLayer.Builder(two, two).build());
    }

    @Test
    void nhwcIsRejectedAtInstantiation() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.convolutional(8, 8, 3, CNN2DFormat.NHWC))
                .addLayer("c", new FastConvolutionLayer.Builder(3, 3).nOut(4).build(), "in")
                .addLayer("gap", new GlobalPoolingLayer.Builder().build(), "c")
                .addLayer("out", new OutputLayer.Builder().nOut(2).build(), "gap")
                .setOutputs("out")
                .build();
        assertThrows(UnsupportedOperationException.class, () -> new ComputationGraph(conf).init());
        Nd4j.create(DataType.FLOAT, 1); // backend still usable afterwards
    }

    private static Object layerConf(ComputationGraphConfiguration conf, String name) {
        return ((org.deeplearning4j.nn.conf.graph.LayerVertex) conf.getVertices().get(name)).getLayerConf().getLayer();
    }
}
