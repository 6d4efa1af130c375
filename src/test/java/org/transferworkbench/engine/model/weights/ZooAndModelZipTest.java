package org.transferworkbench.engine.model.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.VggLayout;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.runs.ModelFiles;

/** DL4J zoo files (numbered vertices) mapped by order and shape; a run's model zip reloaded by name. */
class ZooAndModelZipTest {

    @TempDir
    Path dir;

    @Test
    void runModelZipAsStartingWeightsGivesIdenticalOutputs() throws Exception {
        ModelSpec spec = ModelSpec.compact(VggVariant.VGG16, 32, 3);
        ComputationGraph trained = TestVggWeights.network(spec, FreezePlan.fineTuneAll(), 1);
        Path zip = dir.resolve("best-model.zip");
        ModelFiles.save(trained, zip, false);

        ComputationGraph fresh = TestVggWeights.network(spec, FreezePlan.featureExtraction(), 2);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32).muli(200).subi(100);
        assertThat(fresh.outputSingle(x)).isNotEqualTo(trained.outputSingle(x));

        WeightLoadReport report = new WeightsLoader(dir, WeightDownloader.standard()).load(
                new WeightsChoice(new WeightsSource.ModelZip(zip), false, null), fresh, VggLayout.of(spec),
                ProgressReporter.silent(), CancellationToken.none());

        assertThat(report.random()).isEmpty();
        assertThat(report.checksum()).isEqualTo(Long.toString(Adler32Checksum.of(zip)));
        assertThat(fresh.outputSingle(x)).isEqualTo(trained.outputSingle(x));
    }

    @Test
    void zooVgg16ByOrderFillsEveryLayerAndKeepsItsOutputs() {
        ComputationGraph zoo = zooLike(new int[] {2, 2, 3, 3, 3}, 2, 32);
        ModelSpec spec = ModelSpec.paper(VggVariant.VGG16, 32, 1000);
        ComputationGraph ours = TestVggWeights.network(spec, FreezePlan.featureExtraction(), 3);

        WeightLoadReport report = WeightMapper.apply(ours, VggLayout.of(spec),
                ZooModelWeights.fromGraph(zoo, VggVariant.VGG16, false, "zoo"), true, "zoo", null);

        assertThat(report.random()).isEmpty();
        assertThat(ours.getLayer("block3_conv2").getParam("W")).isEqualTo(zoo.getLayer("7").getParam("W"));
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 3, 32, 32).muli(200).subi(100);
        assertThat(ours.outputSingle(x).sub(zoo.outputSingle(x)).amaxNumber().doubleValue()).isLessThan(1e-6);
    }

    @Test
    void zooVgg19GivesItsConvolutionsOnlyAndSaysSo() {
        ComputationGraph zoo = zooLike(new int[] {2, 2, 4, 4, 4}, 1, 32);
        ModelSpec spec = ModelSpec.paper(VggVariant.VGG19, 32, 5);
        ComputationGraph ours = TestVggWeights.network(spec, FreezePlan.featureExtraction(), 3);

        WeightLoadReport report = WeightMapper.apply(ours, VggLayout.of(spec),
                ZooModelWeights.fromGraph(zoo, VggVariant.VGG19, true, "vgg19_dl4j_inference.zip"), false,
                "zoo", null);

        assertThat(report.loaded()).hasSize(16).allMatch(n -> n.contains("_conv"));
        assertThat(report.random()).containsExactly("fc1", "fc2", "predictions");
        assertThat(report.notes()).anyMatch(n -> n.contains("only its convolutions"));
    }

    @Test
    void imagenetLabelsAreTheKerasOrder() {
        assertThat(ImageNetClasses.labels()).hasSize(1000).doesNotHaveDuplicates();
        assertThat(ImageNetClasses.labels().get(0)).isEqualTo("tench");
        assertThat(ImageNetClasses.labels().get(1)).isEqualTo("goldfish");
        assertThat(ImageNetClasses.labels().get(207)).isEqualTo("golden retriever");
        assertThat(ImageNetClasses.labels().get(281)).isEqualTo("tabby");
        assertThat(ImageNetClasses.labels().get(409)).isEqualTo("analog clock");
        assertThat(ImageNetClasses.labels().get(999)).isEqualTo("toilet tissue");
    }

    @Test
    void sourcesParseFromTheCommandLine() {
        assertThat(WeightsSource.parse("random")).isInstanceOf(WeightsSource.Random.class);
        assertThat(WeightsSource.parse("ImageNet")).isInstanceOf(WeightsSource.ImageNetZoo.class);
        assertThat(WeightsSource.parse("keras:/w/vgg16.h5")).isEqualTo(new WeightsSource.KerasH5(Path.of("/w/vgg16.h5")));
        assertThat(WeightsSource.parse("model:runs/x/best-model.zip"))
                .isEqualTo(new WeightsSource.ModelZip(Path.of("runs/x/best-model.zip")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WeightsSource.parse("vgg"))
                .hasMessageContaining("--weights must be");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ZooWeights.forVariant(VggVariant.VGG11))
                .hasMessageContaining("VGG16 and VGG19 only");
    }

    /** The structure of deeplearning4j-zoo's VGG16/VGG19 configurations: layers named "0", "1", ... in order. */
    private static ComputationGraph zooLike(int[] convsPerBlock, int denseLayers, int input) {
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder().seed(99)
                .activation(Activation.RELU).graphBuilder().addInputs("in")
                .setInputTypes(InputType.convolutional(input, input, 3));
        int i = 0;
        String previous = "in";
        int[] widths = VggVariant.BLOCK_WIDTHS;
        for (int b = 0; b < convsPerBlock.length; b++) {
            for (int c = 0; c < convsPerBlock[b]; c++) {
                g.addLayer(String.valueOf(i), new ConvolutionLayer.Builder(3, 3).stride(1, 1).padding(1, 1)
                        .nOut(widths[b]).build(), previous);
                previous = String.valueOf(i++);
            }
            g.addLayer(String.valueOf(i), new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                    .kernelSize(2, 2).stride(2, 2).build(), previous);
            previous = String.valueOf(i++);
        }
        for (int d = 0; d < denseLayers; d++) {
            g.addLayer(String.valueOf(i), new DenseLayer.Builder().nOut(4096).build(), previous);
            previous = String.valueOf(i++);
        }
        g.addLayer(String.valueOf(i), new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD)
                .nOut(1000).activation(Activation.SOFTMAX).build(), previous);
        ComputationGraph graph = new ComputationGraph(g.setOutputs(String.valueOf(i)).build());
        graph.init();
        return graph;
    }
}
