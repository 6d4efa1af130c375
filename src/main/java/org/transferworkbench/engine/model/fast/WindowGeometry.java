package org.transferworkbench.engine.model.fast;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sliding-window geometry of one NCHW input, resolved the way DL4J's own layers resolve it, so the native
 * ops see exactly the padding the stock im2col path would use (needed for bit-for-bit comparable results).
 */
record WindowGeometry(int[] kernel, int[] stride, int[] pad, int[] dilation, boolean same, int[] outSize) {

    static WindowGeometry of(INDArray nchwInput, int[] kernel, int[] stride, int[] padding, int[] dilation,
                             ConvolutionMode mode) {
        boolean same = mode == ConvolutionMode.Same;
        int[] outSize = ConvolutionUtils.getOutputSize(nchwInput, kernel, stride, same ? null : padding, mode,
                dilation, CNN2DFormat.NCHW); // also validates the input size against the kernel
        int[] pad = same
                ? ConvolutionUtils.getSameModeTopLeftPadding(outSize,
                        new int[] {(int) nchwInput.size(2), (int) nchwInput.size(3)}, kernel, stride, dilation)
                : padding;
        return new WindowGeometry(kernel, stride, pad, dilation, same, outSize);
    }

    /** libnd4j's common integer-argument prefix for 2d window ops, followed by the op-specific tail. */
    int[] nativeArgs(int... tail) {
        int[] args = new int[9 + tail.length];
        args[0] = kernel[0];
        args[1] = kernel[1];
        args[2] = stride[0];
        args[3] = stride[1];
        args[4] = pad[0];
        args[5] = pad[1];
        args[6] = dilation[0];
        args[7] = dilation[1];
        args[8] = same ? 1 : 0;
        System.arraycopy(tail, 0, args, 9, tail.length);
        return args;
    }
}
