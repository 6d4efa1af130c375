package org.transferworkbench.engine.export.onnx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
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
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.transferworkbench.engine.experiment.EnvironmentInfo;
import org.transferworkbench.engine.io.AtomicFiles;

/**
 * Writes a Workbench VGG graph as an ONNX model (IR 7, opset 13): input {@code input} [N, 3, S, S] (already
 * preprocessed, see preprocessing.json), output {@code probabilities} [N, classes]. The graphs are a plain chain
 * of convolutions (the project's fast ones included: same parameters), max pools, a global average pool or a
 * flatten, dense layers and a softmax output; anything else is refused with the layer's name rather than
 * exported wrongly. Dropout is left out: it only acts in training.
 */
public final class OnnxExporter {
    public static final String INPUT = "input";
    public static final String OUTPUT = "probabilities";
    static final long IR_VERSION = 7;
    static final long OPSET = 13;

    private final ComputationGraph model;
    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private String current = INPUT;

    private OnnxExporter(ComputationGraph model) {
        this.model = model;
    }

    public static void write(ComputationGraph model, int inputSize, Path target) throws IOException {
        byte[] bytes = new OnnxExporter(model).modelProto(inputSize).toByteArray();
        AtomicFiles.write(target, out -> out.write(bytes));
    }

    private ProtoWriter modelProto(int inputSize) throws IOException {
        ComputationGraphConfiguration conf = model.getConfiguration();
        if (conf.getNetworkInputs().size() != 1 || conf.getNetworkOutputs().size() != 1) {
            throw new IOException("ONNX export needs a network with one input and one output.");
        }
        String vertex = conf.getNetworkInputs().get(0);
        long classes = -1;
        for (String next = successor(conf, vertex); next != null; next = successor(conf, next)) {
            classes = add(next, conf.getVertices().get(next));
            vertex = next;
        }
        if (!vertex.equals(conf.getNetworkOutputs().get(0)) || classes < 0) {
            throw new IOException("ONNX export needs a chain of layers ending in the output layer.");
        }
        ProtoWriter graph = new ProtoWriter();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, "transfer-workbench-vgg");
        initializers.forEach(t -> graph.message(5, t));
        graph.message(11, OnnxNodes.batchedFloat(INPUT, 3, inputSize, inputSize));
        graph.message(12, OnnxNodes.batchedFloat(OUTPUT, classes));
        return new ProtoWriter().varint(1, IR_VERSION).string(2, "Transfer Workbench")
                .string(3, EnvironmentInfo.workbenchVersion()).message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, OPSET));
    }

    /** The one vertex fed by {@code vertex}, or null at the end; a branching graph is refused. */
    private static String successor(ComputationGraphConfiguration conf, String vertex) throws IOException {
        String found = null;
        for (Map.Entry<String, List<String>> e : conf.getVertexInputs().entrySet()) {
            if (e.getValue().contains(vertex)) {
                if (found != null || e.getValue().size() != 1) {
                    throw new IOException("ONNX export supports chains of layers only; " + vertex
                            + " feeds more than one layer or joins another branch.");
                }
                found = e.getKey();
            }
        }
        return found;
    }

    /** Adds the nodes of one layer; returns its output width for dense layers, else -1. */
    private long add(String name, GraphVertex vertex) throws IOException {
        if (!(vertex instanceof LayerVertex lv)) {
            throw new IOException("ONNX export cannot write the vertex " + name + " ("
                    + vertex.getClass().getSimpleName() + ").");
        }
        addPreProcessor(name, lv.getPreProcessor());
        Layer layer = unwrap(lv.getLayerConf().getLayer());
        if (layer instanceof ConvolutionLayer c) {
            addConvolution(name, c);
        } else if (layer instanceof SubsamplingLayer s) {
            addMaxPool(name, s);
        } else if (layer instanceof GlobalPoolingLayer g) {
            if (g.getPoolingType() != PoolingType.AVG) {
                throw new IOException("ONNX export supports average global pooling only (" + name + ").");
            }
            emit("GlobalAveragePool", name, new String[] {current}, name + "_pooled");
            emit("Flatten", name + "_flatten", new String[] {current}, name, OnnxNodes.intAttribute("axis", 1));
        } else if (layer instanceof DenseLayer || layer instanceof OutputLayer) {
            return addDense(name, (BaseLayer) layer);
        } else {
            throw new IOException("ONNX export cannot write the layer " + name + " ("
                    + layer.getClass().getSimpleName() + ").");
        }
        return -1;
    }

    private static Layer unwrap(Layer layer) {
        if (layer instanceof FrozenLayer f) {
            return unwrap(f.getLayer());
        }
        return layer instanceof FrozenLayerWithBackprop f ? unwrap(f.getUnderlying()) : layer;
    }

    private void addPreProcessor(String name, InputPreProcessor pre) throws IOException {
        if (pre == null) {
            return;
        }
        if (!(pre instanceof CnnToFeedForwardPreProcessor cnn) || cnn.getFormat() != org.deeplearning4j.nn.conf
                .CNN2DFormat.NCHW) {
            throw new IOException("ONNX export cannot write the input preprocessor of " + name + " ("
                    + pre.getClass().getSimpleName() + ").");
        }
        // DL4J flattens NCHW activations in C, H, W order, exactly what ONNX's Flatten does.
        emit("Flatten", name + "_input_flatten", new String[] {current}, name + "_flat",
                OnnxNodes.intAttribute("axis", 1));
    }

    private void addConvolution(String name, ConvolutionLayer c) throws IOException {
        int[] k = c.getKernelSize();
        int[] s = c.getStride();
        int[] p = c.getPadding();
        int[] d = c.getDilation();
        if (c.getConvolutionMode() != ConvolutionMode.Truncate && c.getConvolutionMode() != ConvolutionMode.Strict
                || d[0] != 1 || d[1] != 1 || c.getCnn2dDataFormat() != org.deeplearning4j.nn.conf.CNN2DFormat.NCHW) {
            throw new IOException("ONNX export supports NCHW convolutions with explicit padding and no dilation ("
                    + name + ").");
        }
        // DL4J keeps convolution weights as [out, in, kh, kw]: ONNX's OIHW as it is.
        String w = initializer(name + "_W", param(name, "W"));
        List<String> inputs = new ArrayList<>(List.of(current, w));
        if (c.hasBias()) {
            inputs.add(initializer(name + "_b", flatBias(param(name, "b"))));
        }
        emit("Conv", name, inputs.toArray(String[]::new), name + "_conv", OnnxNodes.intsAttribute("kernel_shape",
                k[0], k[1]), OnnxNodes.intsAttribute("strides", s[0], s[1]),
                OnnxNodes.intsAttribute("pads", p[0], p[1], p[0], p[1]));
        activation(name, c.getActivationFn());
    }

    private void addMaxPool(String name, SubsamplingLayer s) throws IOException {
        int[] p = s.getPadding();
        if (s.getPoolingType() != org.deeplearning4j.nn.conf.layers.PoolingType.MAX
                || s.getConvolutionMode() == ConvolutionMode.Same) {
            throw new IOException("ONNX export supports max pooling without 'Same' mode only (" + name + ").");
        }
        emit("MaxPool", name, new String[] {current}, name, OnnxNodes.intsAttribute("kernel_shape",
                s.getKernelSize()[0], s.getKernelSize()[1]), OnnxNodes.intsAttribute("strides", s.getStride()[0],
                s.getStride()[1]), OnnxNodes.intsAttribute("pads", p[0], p[1], p[0], p[1]));
    }

    private long addDense(String name, BaseLayer layer) throws IOException {
        // DL4J keeps dense weights as [in, out], so Y = X W + b is Gemm without transposing B.
        INDArray weights = param(name, "W");
        String w = initializer(name + "_W", weights);
        String b = initializer(name + "_b", flatBias(param(name, "b")));
        emit("Gemm", name, new String[] {current, w, b}, name + "_linear");
        activation(name, layer.getActivationFn());
        return weights.size(1);
    }

    private void activation(String name, IActivation fn) throws IOException {
        if (fn instanceof ActivationReLU) {
            emit("Relu", name + "_relu", new String[] {current}, name + "_relu");
        } else if (fn instanceof ActivationSoftmax) {
            emit("Softmax", name + "_softmax", new String[] {current}, OUTPUT, OnnxNodes.intAttribute("axis", 1));
        } else if (!(fn instanceof ActivationIdentity)) {
            throw new IOException("ONNX export cannot write the activation " + fn + " of " + name + ".");
        }
    }

    private INDArray param(String layer, String key) throws IOException {
        INDArray p = model.paramTable().get(layer + "_" + key);
        if (p == null) {
            throw new IOException("The model has no parameter " + key + " for layer " + layer + ".");
        }
        return p;
    }

    private static INDArray flatBias(INDArray b) {
        return b.reshape(b.length());
    }

    private String initializer(String name, INDArray values) {
        initializers.add(OnnxNodes.tensor(name, values.shape(), values.dup('c').reshape(values.length()).toFloatVector()));
        return name;
    }

    private void emit(String op, String name, String[] inputs, String output, ProtoWriter... attributes) {
        nodes.add(OnnxNodes.node(op, name, inputs, output, attributes));
        current = output;
    }
}
