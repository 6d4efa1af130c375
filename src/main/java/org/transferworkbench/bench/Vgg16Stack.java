package org.transferworkbench.bench;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.transferworkbench.engine.model.fast.FastConvolutionLayer;
import org.transferworkbench.engine.model.fast.FastMaxPoolingLayer;

/** VGG16's 13-conv feature stack with a small head, from stock or fast layers; only the conv cost matters here. */
final class Vgg16Stack {

    static final int CLASSES = 10;
    private static final int[][] BLOCKS = {{64, 64}, {128, 128}, {256, 256, 256}, {512, 512, 512}, {512, 512, 512}};

    private Vgg16Stack() {
    }

    static ComputationGraph build(boolean fast, int imageSize) {
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(1).dataType(DataType.FLOAT).updater(new Adam(1e-4)).weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU)
                .graphBuilder().addInputs("in").setInputTypes(InputType.convolutional(imageSize, imageSize, 3));
        String previous = "in";
        for (int b = 0; b < BLOCKS.length; b++) {
            for (int c = 0; c < BLOCKS[b].length; c++) {
                String name = "block" + (b + 1) + "_conv" + (c + 1);
                ConvolutionLayer.Builder conv = fast ? new FastConvolutionLayer.Builder(3, 3)
                        : new ConvolutionLayer.Builder(3, 3);
                g.addLayer(name, conv.nOut(BLOCKS[b][c]).build(), previous);
                previous = name;
            }
            String pool = "block" + (b + 1) + "_pool";
            int[] two = {2, 2};
            g.addLayer(pool, fast ? new FastMaxPoolingLayer.Builder(two, two).build()
                    : new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX, two, two).build(), previous);
            previous = pool;
        }
        g.addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), previous)
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nOut(CLASSES).activation(Activation.SOFTMAX).build(), "gap")
                .setOutputs("out");
        ComputationGraph graph = new ComputationGraph(g.build());
        graph.init();
        return graph;
    }
}
