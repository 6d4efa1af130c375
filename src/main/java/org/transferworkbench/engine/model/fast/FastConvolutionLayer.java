package org.transferworkbench.engine.model.fast;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A stock {@link ConvolutionLayer} configuration whose runtime layer computes through oneDNN (called directly, or
 * through libnd4j's native conv2d ops where that is not possible) instead of DL4J's im2col+gemm. Being a subclass
 * keeps the parameter layout, JSON form, InputType inference, freezing and updaters identical, so weights move
 * freely between stock and fast graphs. NCHW only.
 */
public class FastConvolutionLayer extends ConvolutionLayer {

    /** What layers built now compute with, in words (for benchmarks and logs). */
    public static String engineDescription() {
        return OneDnn.available() ? "oneDNN called directly" : "libnd4j's conv2d ops (its own oneDNN)";
    }

    /** For Jackson, which rebuilds layers from their class name in the graph JSON. */
    public FastConvolutionLayer() {
    }

    protected FastConvolutionLayer(Builder builder) {
        super(builder);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> trainingListeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("FastConvolutionLayer", getLayerName(), layerIndex, getNIn(), getNOut());
        FastConvolutionLayerImpl layer = new FastConvolutionLayerImpl(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> paramTable = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(paramTable);
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
        return other instanceof FastConvolutionLayer;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + getClass().hashCode();
    }

    /** Same options as the stock builder; only {@link #build()} differs. */
    public static class Builder extends ConvolutionLayer.Builder {

        public Builder(int... kernelSize) {
            super(kernelSize);
        }

        public Builder() {
            super();
        }

        @Override
        public FastConvolutionLayer build() {
            ConvolutionUtils.validateConvolutionModePadding(convolutionMode, padding);
            ConvolutionUtils.validateCnnKernelStridePadding(kernelSize, stride, padding);
            return new FastConvolutionLayer(this);
        }
    }
}
