package org.transferworkbench.engine.model.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.LayerSpec;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.VggLayout;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.runs.ModelFiles;

/** The paper's warm start: exactly A's first four convolutions and the head, bit for bit; the rest untouched. */
class WarmStartMapperTest {

    @TempDir
    Path dir;

    @Test
    void copiesTheFourConvolutionsAndTheCompactHeadAndLeavesTheRestAtTheSeededStart() {
        ModelSpec target = ModelSpec.compact(VggVariant.VGG16, 32, 3);
        ComputationGraph vgg11 = TestVggWeights.network(ModelSpec.compact(VggVariant.VGG11, 32, 3),
                FreezePlan.fineTuneAll(), 1);
        ComputationGraph net = TestVggWeights.network(target, FreezePlan.fineTuneAll(), 2);
        ComputationGraph seededStart = TestVggWeights.network(target, FreezePlan.fineTuneAll(), 2);
        assertThat(bits(net.getLayer("block2_conv1"), "W")).isNotEqualTo(bits(vgg11.getLayer("block2_conv1"), "W"));

        WeightLoadReport report = WarmStartMapper.apply(net, VggLayout.of(target),
                ModelZipWeights.fromGraph(vgg11), "vgg11.zip", "123");

        List<String> copied = List.of("block1_conv1", "block2_conv1", "block3_conv1", "block3_conv2", "head_dense",
                "predictions");
        assertThat(report.loaded()).containsExactlyElementsOf(copied);
        assertThat(WarmStartMapper.copiedLayers(VggLayout.of(target))).containsExactlyElementsOf(copied);
        assertThat(report.random()).hasSize(13 - 4).doesNotContainAnyElementsOf(copied);
        assertThat(report.checksum()).isEqualTo("123");
        for (LayerSpec l : VggLayout.of(target).layers()) {
            if (!l.hasWeights()) {
                continue;
            }
            ComputationGraph expected = copied.contains(l.name()) ? vgg11 : seededStart;
            for (String param : List.of("W", "b")) {
                assertThat(bits(net.getLayer(l.name()), param)).as(l.name() + " " + param)
                        .isEqualTo(bits(expected.getLayer(l.name()), param));
            }
        }
    }

    @Test
    void copiesFc1Fc2AndPredictionsOfThePaperHeadTrainedAtTheSameInputSize() {
        ModelSpec target = ModelSpec.paper(VggVariant.VGG13, 32, 3);
        ComputationGraph vgg11 = TestVggWeights.network(ModelSpec.paper(VggVariant.VGG11, 32, 3),
                FreezePlan.fineTuneAll(), 1);
        ComputationGraph net = TestVggWeights.network(target, FreezePlan.featureExtraction(), 2);

        WeightLoadReport report = WarmStartMapper.apply(net, VggLayout.of(target),
                ModelZipWeights.fromGraph(vgg11), "vgg11.zip", null);

        assertThat(report.loaded()).containsExactly("block1_conv1", "block2_conv1", "block3_conv1", "block3_conv2",
                "fc1", "fc2", "predictions");
        assertThat(report.random()).containsExactly("block1_conv2", "block2_conv2", "block4_conv1", "block4_conv2",
                "block5_conv1", "block5_conv2");
        for (String name : List.of("fc1", "fc2", "predictions", "block3_conv2")) {
            assertThat(bits(net.getLayer(name), "W")).as(name).isEqualTo(bits(vgg11.getLayer(name), "W"));
        }
        // fc1 takes block5_pool flattened, so a VGG11 trained at another input size does not fit
        assertThatThrownBy(() -> apply(net, target, ModelSpec.paper(VggVariant.VGG11, 64, 3)))
                .hasMessageContaining("fc1 of the VGG11 of x.zip takes 2048 inputs, this network's takes 512")
                .hasMessageContaining("same --input");
    }

    @Test
    void refusesASourceThatIsNotAVgg11AndATargetThatIsOne() throws Exception {
        ModelSpec target = ModelSpec.compact(VggVariant.VGG16, 32, 3);
        ComputationGraph net = TestVggWeights.network(target, FreezePlan.featureExtraction(), 2);
        SourceWeights vgg13 = zeros(ModelSpec.compact(VggVariant.VGG13, 32, 3));

        assertThatThrownBy(() -> WarmStartMapper.apply(net, VggLayout.of(target), vgg13, "b.zip", null))
                .hasMessage("The warm-start source b.zip is a VGG13 (configuration B), not a VGG11 (configuration A).");

        ModelSpec small = ModelSpec.compact(VggVariant.VGG11, 32, 3);
        ComputationGraph vgg11 = TestVggWeights.network(small, FreezePlan.fineTuneAll(), 1);
        assertThatThrownBy(() -> WarmStartMapper.apply(vgg11, VggLayout.of(small),
                ModelZipWeights.fromGraph(vgg11), "a.zip", null))
                .hasMessageContaining("initialises a deeper network").hasMessageContaining("model:FILE.zip");

        // A bare model zip is told apart by its configuration alone, frozen layers included, before any run starts.
        Path vgg16Zip = dir.resolve("vgg16.zip");
        ModelFiles.save(net, vgg16Zip, false);
        assertThatThrownBy(() -> WarmStartMapper.checkSourceFile(vgg16Zip))
                .hasMessage("The warm-start source " + vgg16Zip + " is a VGG16 (configuration D), not a VGG11 "
                        + "(configuration A).");
        Path vgg11Zip = dir.resolve("vgg11.zip");
        ModelFiles.save(vgg11, vgg11Zip, false);
        WarmStartMapper.checkSourceFile(vgg11Zip);
        Path junk = Files.writeString(dir.resolve("junk.zip"), "not a zip");
        assertThatThrownBy(() -> WarmStartMapper.checkSourceFile(junk)).hasMessageContaining("is not a zip file");
    }

    @Test
    void aMismatchedHeadInputOrClassCountSaysWhichAndLoadsNothing() {
        ModelSpec target = ModelSpec.compact(VggVariant.VGG16, 32, 3);
        ComputationGraph net = TestVggWeights.network(target, FreezePlan.fineTuneAll(), 2);
        float[] before = bits(net.getLayer("block1_conv1"), "W");

        assertThatThrownBy(() -> apply(net, target, ModelSpec.compact(VggVariant.VGG11, 32, 4)))
                .hasMessageContaining("trained for 4 classes, this dataset has 3; a warm start needs the same classes");
        assertThatThrownBy(() -> apply(net, target, ModelSpec.paper(VggVariant.VGG11, 32, 3)))
                .hasMessageContaining("has the paper head, this network the compact head");
        assertThatThrownBy(() -> apply(net, target, new ModelSpec(VggVariant.VGG11, 32, 3,
                target.head(), 128, 0.5))).hasMessageContaining("has 128 dense units, this network's 256");
        assertThat(bits(net.getLayer("block1_conv1"), "W")).isEqualTo(before);

    }

    @Test
    void warmStartSourcesParseFromTheCommandLine() {
        WeightsSource.WarmStart first = (WeightsSource.WarmStart) WeightsSource.parse("warmstart:VGG11");
        assertThat(first.trainsVgg11First()).isTrue();
        assertThat(first.modelZip()).isNull();
        WeightsSource.WarmStart run = (WeightsSource.WarmStart) WeightsSource.parse("warmstart:20260101-vgg11-a");
        assertThat(run.trainsVgg11First()).isFalse();
        assertThat(run.modelZip()).isNull();
        assertThat(run.cliText()).isEqualTo("warmstart:20260101-vgg11-a");
        assertThat(WeightsSource.parse("warmstart:runs/a/best-model.zip"))
                .isEqualTo(new WeightsSource.WarmStart("runs/a/best-model.zip", Path.of("runs/a/best-model.zip"),
                        null));
        assertThatThrownBy(() -> WeightsSource.parse("warmstart:")).hasMessageContaining("warmstart:vgg11");
        assertThatThrownBy(() -> new WeightsChoice(first, true, null)).hasMessageContaining("--keep-imagenet-head");
    }

    private static void apply(ComputationGraph net, ModelSpec target, ModelSpec sourceSpec) {
        WarmStartMapper.apply(net, VggLayout.of(target), zeros(sourceSpec), "x.zip", null);
    }

    /** Weights of the right names and shapes for {@code spec}; their values do not matter to the shape checks. */
    private static SourceWeights zeros(ModelSpec spec) {
        Map<String, LayerParams> layers = new LinkedHashMap<>();
        for (LayerSpec l : VggLayout.of(spec).layers()) {
            if (l.kind() == LayerSpec.Kind.CONVOLUTION) {
                layers.put(l.name(), new LayerParams(Nd4j.zeros(DataType.FLOAT, l.width(), l.inputWidth(), l.size(),
                        l.size()), Nd4j.zeros(DataType.FLOAT, 1, l.width())));
            } else if (l.hasWeights()) {
                layers.put(l.name(), new LayerParams(Nd4j.zeros(DataType.FLOAT, l.inputWidth(), l.width()),
                        Nd4j.zeros(DataType.FLOAT, 1, l.width())));
            }
        }
        return new SourceWeights(layers, false, List.of());
    }

    /** The exact float values, so equality is bit for bit and not within a tolerance. */
    private static float[] bits(Layer layer, String param) {
        INDArray p = layer.getParam(param);
        return p.dup('c').data().asFloat();
    }
}
