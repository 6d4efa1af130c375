package org.transferworkbench.engine.model.fast;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runtime side of {@link FastMaxPoolingLayer}: VGG's 2x2/2 windows through {@link TwoByTwoMaxPool}, any other
 * geometry through one libnd4j op each way; no DL4J helper lookup or fallback.
 */
public class FastMaxPoolingLayerImpl extends SubsamplingLayer {

    private static final int UNUSED_EXTRA = 0; // pnorm/avg-divisor slot, meaningless for max pooling
    private static final int NCHW = 0;

    public FastMaxPoolingLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        if (layerConf().getCnn2dDataFormat() != CNN2DFormat.NCHW) {
            throw new UnsupportedOperationException("FastMaxPoolingLayer supports NCHW only, got "
                    + layerConf().getCnn2dDataFormat() + " " + layerId());
        }
        helper = null;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray in = input.castTo(dataType);
        WindowGeometry g = geometry(in);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {in.size(0), in.size(1), g.outSize()[0], g.outSize()[1]}, 'c');
        if (TwoByTwoMaxPool.handles(g, in)) {
            TwoByTwoMaxPool.forward(in, out);
            return out;
        }
        Nd4j.exec(DynamicCustomOp.builder("maxpool2d")
                .addInputs(in)
                .addOutputs(out)
                .addIntegerArguments(g.nativeArgs(UNUSED_EXTRA, NCHW))
                .build());
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray in = input.castTo(dataType);
        INDArray epsOut = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, in.shape(), 'c');
        INDArray eps = epsilon.castTo(dataType);
        WindowGeometry g = geometry(in);
        if (TwoByTwoMaxPool.handles(g, in)) {
            TwoByTwoMaxPool.backward(in, eps, epsOut);
        } else {
            Nd4j.exec(DynamicCustomOp.builder("maxpool2d_bp")
                    .addInputs(in, eps)
                    .addOutputs(epsOut)
                    .addIntegerArguments(g.nativeArgs(UNUSED_EXTRA, NCHW))
                    .build());
        }
        return new Pair<>(new DefaultGradient(), epsOut);
    }

    private WindowGeometry geometry(INDArray nchwInput) {
        return WindowGeometry.of(nchwInput, layerConf().getKernelSize(), layerConf().getStride(),
                layerConf().getPadding(), layerConf().getDilation(), convolutionMode);
    }
}
