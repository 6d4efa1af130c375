package org.transferworkbench.engine.model.weights;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Converts Keras (TensorFlow dimension ordering) arrays to DL4J's layout.
 *
 * <p>Input ordering: the keras-applications VGG weights are the original Caffe weights of Simonyan &amp; Zisserman
 * converted by Keras; they expect BGR channels with the Caffe means (103.939, 116.779, 123.68) subtracted and the
 * 0-255 range kept ({@code preprocess_input(mode='caffe')}). {@code ImagePreprocessor} produces exactly that, in
 * channels-first order, so the first kernel's input channels line up without any swap.
 */
final class KerasLayout {

    private KerasLayout() {
    }

    /** Conv kernel: Keras [kh, kw, in, out] (HWIO) to DL4J [out, in, kh, kw] (OIHW). */
    static INDArray convKernel(INDArray hwio) {
        requireRank(hwio, 4, "convolution kernel");
        return hwio.permute(3, 2, 0, 1).dup('c');
    }

    /**
     * fc1 after a flatten: Keras flattens block5_pool channels-last, so row {@code (h*W + w)*C + c} of its matrix
     * belongs to feature (c, h, w); DL4J flattens the same NCHW activations channels-first, row {@code c*H*W +
     * h*W + w}. The rows are reordered accordingly; columns (the units) are unchanged. At 1x1 both orders agree.
     */
    static INDArray denseAfterChannelsLastFlatten(INDArray keras, int channels) {
        requireRank(keras, 2, "dense kernel");
        long rows = keras.size(0);
        long side = Math.round(Math.sqrt(rows / (double) channels));
        if (side * side * channels != rows) {
            throw new IllegalArgumentException("fc1 has " + rows + " inputs, which is not " + channels
                    + " x side x side; it does not follow a VGG block5_pool.");
        }
        long units = keras.size(1);
        return keras.reshape('c', side, side, channels, units)
                .permute(2, 0, 1, 3)
                .dup('c')
                .reshape('c', channels * side * side, units);
    }

    static INDArray dense(INDArray keras) {
        requireRank(keras, 2, "dense kernel");
        return keras;
    }

    private static void requireRank(INDArray a, int rank, String what) {
        if (a.rank() != rank) {
            throw new IllegalArgumentException("Expected a " + what + " of rank " + rank + " but found shape "
                    + LayerParams.shape(a) + ".");
        }
    }
}
