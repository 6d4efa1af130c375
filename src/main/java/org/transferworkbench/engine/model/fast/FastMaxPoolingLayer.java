package org.transferworkbench.engine.model.fast;

import java.util.Collection;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Max pooling through libnd4j's maxpool2d / maxpool2d_bp ops, configured exactly like a stock
 * {@link SubsamplingLayer} so it serializes and infers shapes the same way. NCHW only.
 */
public class FastMaxPoolingLayer extends SubsamplingLayer {

    /** For Jackson, which rebuilds layers from their class name in the graph JSON. */
    public FastMaxPoolingLayer() {
    }

    protected FastMaxPoolingLayer(Builder builder) {
        super(builder);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> trainingListeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        FastMaxPoolingLayerImpl layer = new FastMaxPoolingLayerImpl(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    // Lombok's inherited equals would call a stock layer with the same fields equal to this one (both ways:
    // canEqual is what the stock side asks).
    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && super.equals(o);
    }

    @Override
    protected boolean canEqual(Object other) {
        return other instanceof FastMaxPoolingLayer;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + getClass().hashCode();
    }

    /** Stock builder fixed to max pooling. */
    public static class Builder extends SubsamplingLayer.Builder {

        public Builder(int[] kernelSize, int[] stride) {
            super(PoolingType.MAX, kernelSize, stride);
        }

        public Builder() {
            super(PoolingType.MAX);
        }

        @Override
        public FastMaxPoolingLayer build() {
            if (poolingType != org.deeplearning4j.nn.conf.layers.PoolingType.MAX) {
                throw new IllegalStateException("FastMaxPoolingLayer supports max pooling only, got " + poolingType);
            }
            ConvolutionUtils.validateConvolutionModePadding(convolutionMode, padding);
            ConvolutionUtils.validateCnnKernelStridePadding(kernelSize, stride, padding);
            return new FastMaxPoolingLayer(this);
        }
    }
}
