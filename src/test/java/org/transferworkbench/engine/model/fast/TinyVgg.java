package org.transferworkbench.engine.model.fast;

import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** A VGG-shaped toy graph (3x32x32 -> 3 classes) buildable from stock or fast layers, for paired comparisons. */
final class TinyVgg {

    static final int CLASSES = 3;

    private final boolean fast;
    private UnaryOperator<Layer> wrapC1 = UnaryOperator.identity();
    private UnaryOperator<Layer> wrapC3 = UnaryOperator.identity();
    private WorkspaceMode workspaceMode = WorkspaceMode.ENABLED;
    private boolean averagePooling;

    private TinyVgg(boolean fast) {
        this.fast = fast;
    }

    static TinyVgg stock() {
        return new TinyVgg(false);
    }

    static TinyVgg fast() {
        return new TinyVgg(true);
    }

    /** Wraps the first conv (e.g. in FrozenLayer) and the third (e.g. in FrozenLayerWithBackprop). */
    TinyVgg wrapping(UnaryOperator<Layer> c1, UnaryOperator<Layer> c3) {
        this.wrapC1 = c1;
        this.wrapC3 = c3;
        return this;
    }

    /** NONE puts every array outside workspaces: the cached pre-activation must then not rely on them. */
    TinyVgg workspaces(WorkspaceMode mode) {
        this.workspaceMode = mode;
        return this;
    }

    /** Stock average pooling in place of max pooling (something the fast layers do not compute). */
    TinyVgg averagePooling() {
        this.averagePooling = true;
        return this;
    }

    ComputationGraph build() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(42)
                .trainingWorkspaceMode(workspaceMode)
                .inferenceWorkspaceMode(workspaceMode)
                .dataType(DataType.FLOAT)
                .updater(new Adam(1e-2))
                .weightInit(WeightInit.XAVIER)
                .convolutionMode(ConvolutionMode.Same)
                .activation(Activation.RELU)
                .graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.convolutional(32, 32, 3))
                .addLayer("c1", wrapC1.apply(conv(8)), "in")
                .addLayer("c2", conv(8), "c1")
                .addLayer("p1", pool(), "c2")
                .addLayer("c3", wrapC3.apply(conv(16)), "p1")
                .addLayer("p2", pool(), "c3")
                .addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "p2")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nOut(CLASSES).activation(Activation.SOFTMAX).build(), "gap")
                .setOutputs("out")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    /** A stock-built graph and a fast-built one holding exactly the same parameters. */
    ComputationGraph buildWithParamsOf(ComputationGraph source) {
        ComputationGraph graph = build();
        graph.setParams(source.params().dup());
        return graph;
    }

    static DataSet batch(int size, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray features = Nd4j.rand(DataType.FLOAT, size, 3, 32, 32).subi(0.5);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, size, CLASSES);
        for (int i = 0; i < size; i++) {
            labels.putScalar(i, i % CLASSES, 1.0);
        }
        return new DataSet(features, labels);
    }

    private Layer conv(int channels) {
        ConvolutionLayer.Builder b = fast ? new FastConvolutionLayer.Builder(3, 3) : new ConvolutionLayer.Builder(3, 3);
        return b.nOut(channels).build();
    }

    private Layer pool() {
        int[] two = {2, 2};
        if (averagePooling) {
            return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.AVG, two, two).build();
        }
        return fast ? new FastMaxPoolingLayer.Builder(two, two).build()
                : new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX, two, two).build();
    }
}
