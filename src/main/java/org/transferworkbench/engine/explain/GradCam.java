package org.transferworkbench.engine.explain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Grad-CAM (Selvaraju et al. 2017) on a chain-shaped {@link ComputationGraph} such as the Workbench's VGG graphs.
 *
 * <p>The class score is the output layer's pre-softmax logit {@code z_c = h·W[:,c] + b_c}, as in the paper: the
 * softmax probability's gradient also depends on the other classes' logits and vanishes when the model is sure.
 * Its gradient with respect to the output layer's input is simply {@code W[:,c]}; from there the error is passed
 * back layer by layer through each layer's own {@code backpropGradient}, down to the chosen convolution's output
 * {@code A}. Going through the runtime layers directly (not the graph's backprop) means frozen layers, which DL4J
 * wraps so that they stop back-propagation, are explained exactly like trained ones.
 *
 * <p>This instance owns the graph it is given and adapts it for explanation only: dropout is switched off in the
 * layers it back-propagates through and gradient buffers are attached to them. Do not train that graph afterwards.
 */
public final class GradCam {
    private static final LayerWorkspaceMgr NO_WORKSPACES = LayerWorkspaceMgr.noWorkspaces();

    private final ComputationGraph model;
    private final LayerChain chain;
    private final Set<String> prepared = new HashSet<>();

    public GradCam(ComputationGraph model) {
        this.model = model;
        this.chain = LayerChain.of(model);
        if (!(chain.runtimeLayer(chain.outputName()).conf().getLayer() instanceof BaseOutputLayer)) {
            throw new IllegalArgumentException("Grad-CAM needs a dense output layer; '" + chain.outputName()
                    + "' is not one.");
        }
        if (chain.convolutionLayers().isEmpty()) {
            throw new IllegalArgumentException("Grad-CAM needs a convolution layer; this network has none.");
        }
    }

    /** Layers a heat map can be computed for, in network order. */
    public List<String> convolutionLayers() {
        return chain.convolutionLayers();
    }

    /** The last convolution layer (block5_conv3 in VGG16, block5_conv4 in VGG19): the usual Grad-CAM choice. */
    public String defaultLayer() {
        List<String> convs = convolutionLayers();
        return convs.get(convs.size() - 1);
    }

    public int numClasses() {
        return (int) outputWeights().size(1);
    }

    /** Throws a one-sentence {@link IllegalArgumentException} unless {@code layer} is a convolution layer here. */
    public void checkLayer(String layer) {
        if (!convolutionLayers().contains(layer)) {
            String what = chain.indexOf(layer) < 0 ? "There is no layer '" + layer + "' in this network"
                    : "Layer '" + layer + "' is not a convolution layer";
            throw new IllegalArgumentException(what + "; choose one of " + String.join(", ", convolutionLayers())
                    + ".");
        }
    }

    /**
     * Heat maps for a batch of preprocessed images {@code [n, 3, h, w]}.
     *
     * @param targetClasses per image, the class to explain, or -1 for the predicted class
     */
    public synchronized List<HeatMap> compute(INDArray input, String layer, int[] targetClasses) {
        Backward b = backward(input, layer, targetClasses);
        return heatMaps(layer, b);
    }

    /** {@code d(class score)/dA} at the layer's output, {@code [n, channels, h, w]}: what the weights average. */
    synchronized INDArray scoreGradient(INDArray input, String layer, int[] targetClasses) {
        return backward(input, layer, targetClasses).gradients();
    }

    private record Backward(INDArray activations, INDArray gradients, INDArray probabilities, int[] targets,
                            double[] scores) {
    }

    private Backward backward(INDArray input, String layer, int[] targetClasses) {
        checkLayer(layer);
        int n = (int) input.size(0);
        if (targetClasses.length != n) {
            throw new IllegalArgumentException(n + " images but " + targetClasses.length + " target classes.");
        }
        Map<String, INDArray> activations = model.feedForward(input, false);
        INDArray probabilities = activations.get(chain.outputName());
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) {
            targets[i] = targetClasses[i] < 0 ? argMax(probabilities.getRow(i)) : checkClass(targetClasses[i]);
        }
        int outputIndex = chain.names().size() - 1;
        INDArray features = layerInput(outputIndex, activations, input, n);
        INDArray w = outputWeights();
        INDArray epsilon = Nd4j.create(w.dataType(), n, w.size(0));
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            INDArray column = w.getColumn(targets[i]);
            epsilon.putRow(i, column);
            scores[i] = features.getRow(i).mul(column).sumNumber().doubleValue()
                    + outputBias().getDouble(targets[i]);
        }
        epsilon = backpropPreProcessor(chain.outputName(), epsilon, n);
        int target = chain.indexOf(layer);
        for (int index = outputIndex - 1; index > target; index--) {
            epsilon = backpropThrough(index, epsilon, activations, input, n);
        }
        return new Backward(activations.get(layer), epsilon, probabilities, targets, scores);
    }

    private List<HeatMap> heatMaps(String layer, Backward b) {
        INDArray a = b.activations();
        int[] targets = b.targets();
        long channels = a.size(1);
        int height = (int) a.size(2);
        int width = (int) a.size(3);
        INDArray weights = b.gradients().mean(2, 3); // alpha_k: global average of dScore/dA_k
        List<HeatMap> maps = new ArrayList<>();
        for (int i = 0; i < targets.length; i++) {
            INDArray channelsByPixel = a.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all())
                    .dup().reshape(channels, (long) height * width);
            INDArray cam = Transforms.relu(weights.getRow(i).reshape(1, channels).mmul(channelsByPixel), false);
            double[] p = b.probabilities().getRow(i).toDoubleVector();
            maps.add(new HeatMap(layer, argMax(b.probabilities().getRow(i)), targets[i], p, b.scores()[i], height, width,
                    cam.toFloatVector()));
        }
        return maps;
    }

    /** Passes {@code epsilon} (the error at layer {@code index}'s output) back to that layer's input. */
    private INDArray backpropThrough(int index, INDArray epsilon, Map<String, INDArray> activations, INDArray input,
                                     int n) {
        String name = chain.names().get(index);
        Layer layer = chain.runtimeLayer(name);
        prepare(name, layer);
        layer.setInput(layerInput(index, activations, input, n), NO_WORKSPACES);
        INDArray before = layer.backpropGradient(epsilon, NO_WORKSPACES).getSecond();
        layer.clear();
        return backpropPreProcessor(name, before, n);
    }

    private INDArray layerInput(int index, Map<String, INDArray> activations, INDArray input, int n) {
        String source = chain.inputOf(index);
        INDArray in = activations.getOrDefault(source, input).dup();
        InputPreProcessor pre = chain.preProcessor(chain.names().get(index));
        return pre == null ? in : pre.preProcess(in, n, NO_WORKSPACES);
    }

    private INDArray backpropPreProcessor(String name, INDArray epsilon, int n) {
        InputPreProcessor pre = chain.preProcessor(name);
        return pre == null ? epsilon : pre.backprop(epsilon, n, NO_WORKSPACES);
    }

    /** Dropout off (backprop runs the layer in training mode) and a gradient buffer for the weight gradients. */
    private void prepare(String name, Layer layer) {
        if (prepared.add(name)) {
            layer.conf().getLayer().setIDropout(null);
            if (layer.numParams() > 0) {
                layer.setBackpropGradientsViewArray(Nd4j.create(layer.params().dataType(), 1, layer.numParams()));
            }
        }
    }

    private INDArray outputWeights() {
        return chain.runtimeLayer(chain.outputName()).getParam("W");
    }

    private INDArray outputBias() {
        return chain.runtimeLayer(chain.outputName()).getParam("b");
    }

    private int checkClass(int c) {
        int classes = numClasses();
        if (c >= classes) {
            throw new IllegalArgumentException("Class index " + c + " is out of range; this network has " + classes
                    + " classes (0 to " + (classes - 1) + ").");
        }
        return c;
    }

    private static int argMax(INDArray row) {
        return row.argMax().getInt(0);
    }
}
