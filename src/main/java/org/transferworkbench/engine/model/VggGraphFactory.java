package org.transferworkbench.engine.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.transferworkbench.engine.model.fast.FastConvolutionLayer;
import org.transferworkbench.engine.model.fast.FastLayerSwitches;
import org.transferworkbench.engine.model.fast.FastMaxPoolingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * Builds the DL4J {@link ComputationGraph} of a {@link VggLayout}, with the {@link FreezePlan} applied.
 *
 * <p>Frozen layers at the start of the network are wrapped in {@link FrozenLayer}, which also stops backprop, so
 * no time is spent on gradients nobody uses; frozen layers after a trained one use {@link FrozenLayerWithBackprop}
 * so the error still reaches the trained layers before them.
 */
public final class VggGraphFactory {
    public static final String INPUT = "input";

    private VggGraphFactory() {
    }

    /**
     * Typical standard deviation of a mean-subtracted 0-255 pixel value (ImageNet: about 57-58 per channel).
     */
    static final double PIXEL_STD = 58.0;

    /**
     * Builds a network with random weights. The input keeps the 0-255 range that ImageNet VGG weights expect, so
     * the first convolution's random weights are divided by the pixel spread: the signal then enters block 1 with
     * unit scale, as He initialisation assumes, instead of ~60 times larger (which saturates the softmax and kills
     * the ReLUs of a network trained from scratch).
     */
    public static ComputationGraph build(ModelSpec spec, FreezePlan plan, OptimizationSettings opt) {
        ComputationGraph graph = new ComputationGraph(configuration(spec, plan, opt));
        graph.init();
        graph.getLayer(FIRST_CONV).getParam("W").divi(PIXEL_STD);
        return graph;
    }

    public static final String FIRST_CONV = "block1_conv1";

    public static ComputationGraphConfiguration configuration(ModelSpec spec, FreezePlan plan,
                                                              OptimizationSettings opt) {
        return configuration(spec, plan, opt, 0);
    }

    /**
     * The part of the network from layer {@code firstLayer} (an index into {@link VggLayout#layers()}) on, fed
     * directly with the previous layer's output: what is trained on cached features of a frozen prefix. Layer
     * names, shapes and parameter order match the full network, so parameters can be copied across by name.
     */
    public static ComputationGraph buildTail(ModelSpec spec, FreezePlan plan, OptimizationSettings opt,
                                             int firstLayer) {
        int end = VggLayout.of(spec).layers().size();
        ComputationGraph graph = new ComputationGraph(configuration(spec, plan, opt, firstLayer, end));
        graph.init();
        return graph;
    }

    /**
     * The first {@code endLayer} layers alone, for computing the features of a frozen prefix; its output is the
     * activation of layer {@code endLayer - 1}. Inference only.
     */
    public static ComputationGraph buildPrefix(ModelSpec spec, FreezePlan plan, OptimizationSettings opt,
                                               int endLayer) {
        ComputationGraph graph = new ComputationGraph(configuration(spec, plan, opt, 0, endLayer));
        graph.init();
        return graph;
    }

    static ComputationGraphConfiguration configuration(ModelSpec spec, FreezePlan plan, OptimizationSettings opt,
                                                       int firstLayer) {
        return configuration(spec, plan, opt, firstLayer, VggLayout.of(spec).layers().size());
    }

    static ComputationGraphConfiguration configuration(ModelSpec spec, FreezePlan plan, OptimizationSettings opt,
                                                       int firstLayer, int endLayer) {
        VggLayout layout = VggLayout.of(spec);
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(opt.seed())
                .updater(opt.headUpdater())
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Truncate)
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(inputTypeBefore(layout, firstLayer));
        String previous = INPUT;
        boolean frozenPrefix = true;
        for (LayerSpec l : layout.layers().subList(firstLayer, endLayer)) {
            boolean frozen = plan.isFrozen(l.group());
            frozenPrefix &= frozen;
            // DL4J's FrozenLayerWithBackprop still applies the wrapped layer's weight decay (its updater reads the
            // inner configuration), so a frozen layer is built without decay and with a no-op updater.
            Layer layer = toDl4j(l, spec, frozen ? frozenSettings(opt) : opt);
            if (frozen && frozenPrefix) {
                layer = new FrozenLayer(layer);
            } else if (frozen && l.hasWeights()) {
                layer = new FrozenLayerWithBackprop(layer);
            }
            g.addLayer(l.name(), layer, previous);
            previous = l.name();
        }
        return g.setOutputs(previous).build();
    }

    private static InputType inputTypeBefore(VggLayout layout, int firstLayer) {
        if (firstLayer == 0) {
            int side = layout.spec().inputSize();
            return InputType.convolutional(side, side, 3);
        }
        long[] shape = layout.layers().get(firstLayer - 1).outputShape();
        return shape.length == 3 ? InputType.convolutional(shape[1], shape[2], shape[0])
                : InputType.feedForward(shape[0]);
    }

    /**
     * Convolutions run through oneDNN by default (FastConvolutionLayer): same parameters and results as DL4J's own
     * layer, several times faster on CPU. {@code -Dtw.fastConv=false} selects DL4J's own layer.
     */
    static ConvolutionLayer.Builder convolutionBuilder(int kernel) {
        return FastLayerSwitches.convolutions() ? new FastConvolutionLayer.Builder(kernel, kernel)
                : new ConvolutionLayer.Builder(kernel, kernel);
    }

    /**
     * Max pooling follows the same switch (and {@code -Dtw.fastPool=false} alone, to time it): the fast layer
     * computes VGG's 2x2 windows in Java, 5-8x faster than oneDNN's NCHW reference kernel behind the stock layer.
     */
    static SubsamplingLayer.Builder maxPoolingBuilder() {
        return fastPooling() ? new FastMaxPoolingLayer.Builder() : new SubsamplingLayer.Builder(PoolingType.MAX);
    }

    /** Whether graphs built now get the fast max pooling. */
    public static boolean fastPooling() {
        return FastLayerSwitches.pooling();
    }

    private static OptimizationSettings frozenSettings(OptimizationSettings opt) {
        return new OptimizationSettings(new NoOp(), new NoOp(), 0.0, opt.seed(), opt.classWeights());
    }

    private static Layer toDl4j(LayerSpec l, ModelSpec spec, OptimizationSettings opt) {
        return switch (l.kind()) {
            case CONVOLUTION -> withDecay(convolutionBuilder(l.size())
                    .nIn(l.inputWidth()).nOut(l.width())
                    .stride(1, 1).padding(l.size() / 2, l.size() / 2)
                    .activation(Activation.RELU)
                    .updater(opt.convUpdater()), opt).build();
            case MAX_POOL -> maxPoolingBuilder().kernelSize(2, 2).stride(2, 2).build();
            case GLOBAL_AVG_POOL -> new GlobalPoolingLayer.Builder(PoolingType.AVG).build();
            case DENSE -> withDecay(new DenseLayer.Builder()
                    .nIn(l.inputWidth()).nOut(l.width())
                    .activation(Activation.RELU)
                    .updater(opt.headUpdater())
                    .dropOut(retainProbability(l, spec)), opt).build();
            case OUTPUT -> withDecay(new OutputLayer.Builder(lossFunction(opt))
                    .nIn(l.inputWidth()).nOut(l.width())
                    .activation(Activation.SOFTMAX)
                    .weightInit(WeightInit.XAVIER)
                    .updater(opt.headUpdater())
                    .dropOut(retainProbability(l, spec)), opt).build();
        };
    }

    /** DL4J applies dropout to a layer's input; the paper drops out the inputs of fc2 and of the output layer. */
    private static double retainProbability(LayerSpec l, ModelSpec spec) {
        boolean dropped = switch (l.name()) {
            case "fc2" -> true;
            case "predictions" -> spec.head() == HeadType.PAPER || spec.compactHiddenUnits() > 0;
            default -> false;
        };
        // DL4J reads a dropOut value of 0 as "no dropout" and otherwise as the probability of keeping an input.
        return dropped && spec.dropout() > 0 ? 1.0 - spec.dropout() : 0.0;
    }

    private static LossMCXENT lossFunction(OptimizationSettings opt) {
        return opt.classWeights() == null ? new LossMCXENT()
                : new LossMCXENT(Nd4j.create(opt.classWeights()).reshape(1, opt.classWeights().length));
    }

    private static <B extends BaseLayer.Builder<B>> B withDecay(B builder, OptimizationSettings opt) {
        if (opt.weightDecay() > 0) {
            builder.weightDecay(opt.weightDecay()).weightDecayBias(0.0);
        }
        return builder;
    }
}
