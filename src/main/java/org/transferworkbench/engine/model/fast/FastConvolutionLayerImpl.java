package org.transferworkbench.engine.model.fast;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runtime side of {@link FastConvolutionLayer}: the stock layer with its im2col+gemm maths replaced by oneDNN,
 * called directly ({@link OneDnnConvolution}) or, where that library did not load or the case is not covered,
 * through libnd4j's conv2d / conv2d_bp ops, which libnd4j hands to its own oneDNN. Everything else (params,
 * updaters, dropout, weight noise, masks, serialization) stays the stock layer's.
 */
public class FastConvolutionLayerImpl extends ConvolutionLayer {

    private static final int NCHW = 0;
    private static final int WEIGHTS_OIHW = 1; // DL4J stores W as [out, in, kH, kW]

    private INDArray cachedPreOutput;
    private INDArray cachedPreOutputInput;
    /** The kept array is the ReLU's output (a mask as good as z), not z. */
    private boolean cachedPreOutputIsActivation;
    /** Null where oneDNN is not called directly. */
    private final OneDnnConvolution direct;

    public FastConvolutionLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        if (layerConf().getCnn2dDataFormat() != CNN2DFormat.NCHW) {
            throw new UnsupportedOperationException("FastConvolutionLayer supports NCHW only, got "
                    + layerConf().getCnn2dDataFormat() + " " + layerId());
        }
        helper = null; // never let a DL4J helper intercept: this class is the helper
        OneDnn dnn = OneDnn.get();
        direct = dnn == null ? null : new OneDnnConvolution(dnn);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        if (ReluGradient.isPlainRelu(layerConf().getActivationFn()) && ReluGradient.runsOn(dataType)) {
            INDArray out = convolve(training, workspaceMgr, true);
            if (training) {
                // ReLU's backward pass needs only where z > 0, which its output says as well: no copy of z (at
                // 224 px a VGG16 batch of 16 kept 0.9 GB of them). The output is the next layer's input,
                // read-only to it.
                cachedPreOutput = out;
                cachedPreOutputIsActivation = true;
                cachedPreOutputInput = input;
            }
            return out;
        }
        INDArray z = preOutput(training, false, workspaceMgr).getFirst();
        if (training) {
            // Keeping z saves backprop a whole forward convolution (the stock layer recomputes it). It lives in the
            // same ACTIVATIONS workspace as this layer's input, which DL4J keeps open until backprop is done.
            cachedPreOutput = workspaceMgr.dup(ArrayType.ACTIVATIONS, z);
            cachedPreOutputInput = input;
        }
        return layerConf().getActivationFn().getActivation(z, training); // in place: z lives in ACTIVATIONS
    }

    /** False where oneDNN did not load or was switched off when this layer was built. */
    boolean callsOneDnnDirectly() {
        return direct != null;
    }

    @Override
    public void clear() {
        super.clear();
        dropCachedPreOutput();
    }

    @Override
    protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        return new Pair<>(convolve(training, workspaceMgr, false), null);
    }

    /** z, or ReLU(z) when {@code relu}: oneDNN applies it inside its kernel, libnd4j's path afterwards. */
    private INDArray convolve(boolean training, LayerWorkspaceMgr workspaceMgr, boolean relu) {
        assertInputSet(false);
        validateInputRank();
        INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, training, workspaceMgr);
        INDArray bias = getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, training, workspaceMgr);
        INDArray in = input.castTo(dataType);
        validateInputDepth(weights.size(1));

        WindowGeometry g = geometry(in);
        INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {in.size(0), weights.size(0), g.outSize()[0], g.outSize()[1]}, 'c');
        INDArray biasOrNull = hasBias() ? bias : null;
        OneDnnConvolution.Shape shape = directShape(in, g, weights, biasOrNull);
        if (shape != null) {
            direct.forward(shape, DenseFloats.dense(in), weights, biasOrNull, z, relu);
            return z;
        }
        Nd4j.exec(DynamicCustomOp.builder("conv2d")
                .addInputs(hasBias() ? new INDArray[] {in, weights, bias} : new INDArray[] {in, weights})
                .addOutputs(z)
                .addIntegerArguments(g.nativeArgs(NCHW, WEIGHTS_OIHW))
                .build());
        return relu ? layerConf().getActivationFn().getActivation(z, training) : z;
    }

    /**
     * The direct call's shape, or null to use libnd4j's op: oneDNN not loaded, a case it does not cover, or one of
     * the arrays it reads or writes in place ({@code weights} and the non-null {@code inPlace}) not dense.
     */
    private OneDnnConvolution.Shape directShape(INDArray in, WindowGeometry g, INDArray weights,
                                                INDArray... inPlace) {
        if (direct == null || !DenseFloats.isDense(weights)) {
            return null;
        }
        for (INDArray a : inPlace) {
            if (a != null && !DenseFloats.isDense(a)) {
                return null;
            }
        }
        return OneDnnConvolution.shape(in, weights, hasBias(), g);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, workspaceMgr);
        INDArray bias = getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, true, workspaceMgr);
        INDArray in = input.castTo(dataType);
        INDArray eps = epsilon.castTo(dataType);

        INDArray delta = delta(eps, workspaceMgr);

        INDArray epsOut = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, in.shape(), 'c');
        INDArray weightGrad = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        INDArray biasGrad = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
        WindowGeometry g = geometry(in);
        INDArray biasGradOrNull = hasBias() ? biasGrad : null;
        OneDnnConvolution.Shape shape = directShape(in, g, weights, weightGrad, biasGradOrNull);
        if (shape != null) {
            direct.backward(shape, DenseFloats.dense(in), weights, DenseFloats.dense(delta), epsOut, weightGrad,
                    biasGradOrNull);
            return gradients(weightGrad, biasGrad, epsOut);
        }
        // The op writes straight into the flattened gradient views, so the updater sees them without a copy.
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp")
                .addInputs(hasBias() ? new INDArray[] {in, weights, bias, delta} : new INDArray[] {in, weights, delta})
                .addOutputs(hasBias() ? new INDArray[] {epsOut, weightGrad, biasGrad} : new INDArray[] {epsOut, weightGrad})
                .addIntegerArguments(g.nativeArgs(NCHW, WEIGHTS_OIHW))
                .build());
        return gradients(weightGrad, biasGrad, epsOut);
    }

    private Pair<Gradient, INDArray> gradients(INDArray weightGrad, INDArray biasGrad, INDArray epsOut) {
        Gradient gradient = new DefaultGradient();
        if (hasBias()) {
            gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGrad);
        }
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGrad, 'c');
        weightNoiseParams.clear();
        return new Pair<>(gradient, backpropDropOutIfPresent(epsOut));
    }

    /** The gradient before the activation. Only what the forward pass kept for this very input is reused. */
    private INDArray delta(INDArray eps, LayerWorkspaceMgr workspaceMgr) {
        boolean fresh = cachedPreOutputInput == input && cachedPreOutput != null;
        INDArray kept = cachedPreOutput;
        boolean keptActivation = cachedPreOutputIsActivation;
        dropCachedPreOutput();
        if (fresh && keptActivation) {
            // A plain ReLU's output marks where z > 0 as well as z does.
            if (!ReluGradient.fits(kept, eps)) {
                return layerConf().getActivationFn().backprop(kept, eps).getFirst(); // writes a new array
            }
            INDArray delta = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, eps.shape(), 'c');
            return ReluGradient.backprop(kept, eps, delta);
        }
        // e.g. a frozen, test-mode forward: recompute z, which the activation's backprop may then overwrite
        INDArray z = fresh && !keptActivation ? kept : preOutput(true, true, workspaceMgr).getFirst();
        return ReluGradient.handles(layerConf().getActivationFn(), z, eps)
                ? ReluGradient.backpropInPlace(z, eps) : layerConf().getActivationFn().backprop(z, eps).getFirst();
    }

    private void dropCachedPreOutput() {
        cachedPreOutput = null;
        cachedPreOutputInput = null;
        cachedPreOutputIsActivation = false;
    }

    private WindowGeometry geometry(INDArray nchwInput) {
        return WindowGeometry.of(nchwInput, layerConf().getKernelSize(), layerConf().getStride(),
                layerConf().getPadding(), layerConf().getDilation(), convolutionMode);
    }
}
