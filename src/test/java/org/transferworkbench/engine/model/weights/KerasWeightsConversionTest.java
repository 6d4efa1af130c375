package org.transferworkbench.engine.model.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.VggLayout;
import org.transferworkbench.engine.model.VggVariant;

/**
 * A Keras weights file written here, loaded through the reader and mapper, gives the same activations as VGG16
 * computed independently from the Keras-layout arrays ({@link KerasReference}): HWIO kernels, channels-last
 * flatten into fc1. At input 32 block5_pool is 1x1, where the flatten order does not matter; at input 64 it is
 * 2x2x512, where fc1's rows must be reordered from (h, w, c) to (c, h, w).
 */
class KerasWeightsConversionTest {
    private static final double TOLERANCE = 1e-4;

    @TempDir
    Path dir;

    @Test
    void input32WithKeras1NamesMatchesIndependentForwardPass() throws Exception {
        assertSameOutputs(32, KerasH5Writer.Naming.KERAS1);
    }

    @Test
    void input64NeedsTheFc1RowPermutationAndMatchesWithKeras2Names() throws Exception {
        assertSameOutputs(64, KerasH5Writer.Naming.KERAS2);
    }

    private void assertSameOutputs(int input, KerasH5Writer.Naming naming) throws Exception {
        ModelSpec spec = ModelSpec.paper(VggVariant.VGG16, input, 1000);
        Map<String, List<KerasH5Writer.Array>> keras = TestVggWeights.kerasLayers(spec, true, 11);
        Path file = dir.resolve("vgg16_weights_tf_dim_ordering_tf_kernels.h5");
        KerasH5Writer.write(file, keras, naming);

        // Feature extraction plan: the loaded weights must reach frozen (wrapped) layers too.
        ComputationGraph graph = TestVggWeights.network(spec, FreezePlan.featureExtraction(), 5);
        VggLayout layout = VggLayout.of(spec);
        WeightLoadReport report = WeightMapper.apply(graph, layout, KerasWeights.read(file, layout), true,
                "keras", null);
        assertThat(report.random()).isEmpty();
        assertThat(report.loaded()).contains("block1_conv1", "block5_conv3", "fc1", "fc2", "predictions");

        KerasReference.Activation image = TestVggWeights.image(input, 3);
        Map<String, INDArray> dl4j = graph.feedForward(channelsFirst(image), false);

        KerasReference.Activation pool5 = KerasReference.convBlocks(image, keras);
        float[] fc1 = KerasReference.dense(pool5.data(), keras.get("fc1").get(0), keras.get("fc1").get(1), true);
        float[] fc2 = KerasReference.dense(fc1, keras.get("fc2").get(0), keras.get("fc2").get(1), true);
        float[] probabilities = KerasReference.softmax(KerasReference.dense(fc2, keras.get("predictions").get(0),
                keras.get("predictions").get(1), false));

        assertClose("block5_pool", channelsLast(dl4j.get("block5_pool")), pool5.data());
        assertClose("fc1", dl4j.get("fc1").toFloatVector(), fc1);
        assertClose("fc2", dl4j.get("fc2").toFloatVector(), fc2);
        float[] out = dl4j.get("predictions").toFloatVector();
        for (int i = 0; i < out.length; i++) {
            assertThat((double) out[i]).as("predictions[%d]", i).isCloseTo(probabilities[i],
                    org.assertj.core.data.Offset.offset(TOLERANCE));
        }
        // Not saturated: the comparison above means something only if the classes differ.
        assertThat(max(probabilities)).isLessThan(0.9f);
    }

    @Test
    void notopFileFillsTheConvolutionsOfAnyInputSizeAndLeavesTheHeadRandom() throws Exception {
        ModelSpec spec = ModelSpec.compact(VggVariant.VGG16, 96, 3);
        Path file = dir.resolve("vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5");
        KerasH5Writer.write(file, TestVggWeights.kerasLayers(spec, false, 2), KerasH5Writer.Naming.KERAS1);
        ComputationGraph graph = TestVggWeights.network(spec, FreezePlan.fineTuneAll(), 5);
        VggLayout layout = VggLayout.of(spec);

        WeightLoadReport report = WeightMapper.apply(graph, layout, KerasWeights.read(file, layout), false,
                "keras", null);

        assertThat(report.loaded()).hasSize(13).allMatch(n -> n.contains("_conv"));
        assertThat(report.random()).containsExactly("head_dense", "predictions");
        assertThat(report.notes()).anyMatch(n -> n.contains("notop"));
    }

    @Test
    void fc1ForAnotherInputSizeStartsRandomWithAReason() throws Exception {
        Path file = dir.resolve("vgg16.h5");
        KerasH5Writer.write(file, TestVggWeights.kerasLayers(ModelSpec.paper(VggVariant.VGG16, 32, 1000), true, 2),
                KerasH5Writer.Naming.KERAS1);
        ModelSpec spec = ModelSpec.paper(VggVariant.VGG16, 64, 4);
        ComputationGraph graph = TestVggWeights.network(spec, FreezePlan.fineTuneAll(), 5);
        VggLayout layout = VggLayout.of(spec);

        WeightLoadReport report = WeightMapper.apply(graph, layout, KerasWeights.read(file, layout), false,
                "keras", null);

        assertThat(report.random()).containsExactly("fc1", "fc2", "predictions");
        assertThat(report.notes()).anyMatch(n -> n.contains("takes 512 inputs") && n.contains("2048"));
        assertThatThrownBy(() -> WeightMapper.apply(graph, layout, KerasWeights.read(file, layout), true,
                "keras", null)).hasMessageContaining("ImageNet head");
        ModelSpec imagenet64 = ModelSpec.paper(VggVariant.VGG16, 64, 1000);
        ComputationGraph g64 = TestVggWeights.network(imagenet64, FreezePlan.fineTuneAll(), 5);
        assertThatThrownBy(() -> WeightMapper.apply(g64, VggLayout.of(imagenet64),
                KerasWeights.read(file, VggLayout.of(imagenet64)), true, "keras", null))
                .hasMessageContaining("do not fill fc1, fc2 and predictions");
    }

    @Test
    void wrongConfigurationOrShapeIsAClearErrorAndLoadsNothing() throws Exception {
        Path file = dir.resolve("vgg16_notop.h5");
        Map<String, List<KerasH5Writer.Array>> layers =
                TestVggWeights.kerasLayers(ModelSpec.compact(VggVariant.VGG16, 32, 2), false, 2);
        KerasH5Writer.write(file, layers, KerasH5Writer.Naming.KERAS1);

        ModelSpec vgg19 = ModelSpec.compact(VggVariant.VGG19, 32, 2);
        ComputationGraph g19 = TestVggWeights.network(vgg19, FreezePlan.fineTuneAll(), 5);
        assertThatThrownBy(() -> WeightMapper.apply(g19, VggLayout.of(vgg19),
                KerasWeights.read(file, VggLayout.of(vgg19)), false, "keras", null))
                .hasMessageContaining("block3_conv4");

        layers.put("block2_conv1", List.of(TestVggWeights.gaussian(new java.util.Random(1), 0.1, 3, 3, 64, 100),
                TestVggWeights.gaussian(new java.util.Random(1), 0.1, 100)));
        KerasH5Writer.write(file, layers, KerasH5Writer.Naming.KERAS1);
        ModelSpec vgg16 = ModelSpec.compact(VggVariant.VGG16, 32, 2);
        ComputationGraph g16 = TestVggWeights.network(vgg16, FreezePlan.fineTuneAll(), 5);
        INDArray before = g16.params().dup();
        assertThatThrownBy(() -> WeightMapper.apply(g16, VggLayout.of(vgg16),
                KerasWeights.read(file, VggLayout.of(vgg16)), false, "keras", null))
                .hasMessageContaining("block2_conv1").hasMessageContaining("[100, 64, 3, 3]")
                .hasMessageContaining("[128, 64, 3, 3]");
        assertThat(g16.params()).isEqualTo(before);
    }

    private static INDArray channelsFirst(KerasReference.Activation a) {
        int s = a.side();
        INDArray x = Nd4j.create(DataType.FLOAT, 1, a.channels(), s, s);
        for (int y = 0; y < s; y++) {
            for (int xx = 0; xx < s; xx++) {
                for (int c = 0; c < a.channels(); c++) {
                    x.putScalar(new long[] {0, c, y, xx}, a.data()[(y * s + xx) * a.channels() + c]);
                }
            }
        }
        return x;
    }

    private static float[] channelsLast(INDArray nchw) {
        return nchw.permute(0, 2, 3, 1).dup('c').reshape(nchw.length()).toFloatVector();
    }

    private static void assertClose(String what, float[] actual, float[] expected) {
        assertThat(actual).as(what + " length").hasSize(expected.length);
        double scale = 0;
        for (float e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        assertThat(scale).as(what + " not all zero").isGreaterThan(0);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("%s[%d]", what, i)
                    .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(TOLERANCE * Math.max(1, scale)));
        }
    }

    private static float max(float[] a) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
