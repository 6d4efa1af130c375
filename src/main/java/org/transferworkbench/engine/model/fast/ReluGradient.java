package org.transferworkbench.engine.model.fast;

import java.nio.FloatBuffer;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.transferworkbench.engine.device.HostMemory;

/**
 * The backward pass of a plain ReLU, delta = epsilon where z &gt; 0 and 0 elsewhere, in Java on the native buffers.
 * DL4J's ActivationReLU hands it to libnd4j's relu_bp, which calls a std::function per element: about 106 ms
 * over the convolutions of a 64 px VGG16 training step, against 19 ms here ({@code bench --relu-ab}). The result
 * is bit for bit relu_bp's (epsilon copied where z &gt; 0, +0 elsewhere, NaN z gives 0). The layer passes the
 * ReLU's own output as the mask, so it need not keep a copy of z for the backward pass.
 */
public final class ReluGradient {

    /** Below this many elements the fork/join hand-off costs more than the loop. */
    private static final long PARALLEL_THRESHOLD = 1 << 16;
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE / Float.BYTES;
    private static final long POSITIVE_INFINITY_BITS = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);

    private ReluGradient() {
    }

    /** DL4J's plain ReLU: no cap, threshold or leak. */
    public static boolean isPlainRelu(IActivation activation) {
        return activation instanceof ActivationReLU relu && relu.getMax() == null && relu.getThreshold() == null
                && relu.getNegativeSlope() == null;
    }

    /** True for a plain ReLU on contiguous float arrays of one shape. */
    public static boolean handles(IActivation activation, INDArray z, INDArray epsilon) {
        return isPlainRelu(activation) && fits(z, epsilon);
    }

    /** Float arrays in host memory: what this class can work on at all. */
    public static boolean runsOn(DataType dataType) {
        return dataType == DataType.FLOAT && HostMemory.direct();
    }

    /** True when {@link #backprop} can take these arrays. */
    public static boolean fits(INDArray mask, INDArray epsilon) {
        return runsOn(mask.dataType()) && epsilon.dataType() == DataType.FLOAT
                && mask.equalShapes(epsilon) && mask.length() <= MAX_ELEMENTS
                && DenseFloats.isDense(mask) && DenseFloats.isDense(epsilon);
    }

    /** Overwrites {@code z} with the gradient before the activation and returns it. */
    public static INDArray backpropInPlace(INDArray z, INDArray epsilon) {
        return backprop(z, epsilon, z);
    }

    /**
     * Writes epsilon where {@code mask} &gt; 0, else 0, into {@code out} (a fresh c-order array of the same shape, or
     * {@code mask} itself). The mask may be z or the ReLU's output: max(0, z) &gt; 0 exactly where z &gt; 0, NaN
     * included (ReLU keeps a NaN, and NaN &gt; 0 is false for both).
     */
    public static INDArray backprop(INDArray mask, INDArray epsilon, INDArray out) {
        int n = (int) mask.length();
        FloatBuffer m = DenseFloats.of(mask);
        FloatBuffer eps = DenseFloats.of(epsilon);
        FloatBuffer o = DenseFloats.of(out);
        int parts = n < PARALLEL_THRESHOLD ? 1 : ForkJoinPool.getCommonPoolParallelism() + 1;
        if (parts == 1) {
            select(m, eps, o, 0, n);
        } else {
            IntStream.range(0, parts).parallel().forEach(part ->
                    select(m, eps, o, (int) ((long) n * part / parts), (int) ((long) n * (part + 1) / parts)));
        }
        return out;
    }

    /**
     * Branch-free: whether an activation is positive is a coin toss the CPU cannot predict, and the plain
     * {@code mask > 0 ? eps : 0} cost 7.5 ns an element in mispredicted branches (three times this loop).
     */
    private static void select(FloatBuffer mask, FloatBuffer eps, FloatBuffer out, int from, int to) {
        for (int i = from; i < to; i++) {
            out.put(i, Float.intBitsToFloat(Float.floatToRawIntBits(eps.get(i)) & positiveMask(mask.get(i))));
        }
    }

    /**
     * All ones when {@code x > 0}, else zero: the bits of x less one, read unsigned, lie below those of +infinity
     * exactly for the positive floats up to +infinity; zero, negatives (sign bit set) and NaN fall outside.
     */
    static int positiveMask(float x) {
        long belowInfinity = ((Float.floatToRawIntBits(x) - 1) & 0xffffffffL) - POSITIVE_INFINITY_BITS;
        return (int) (belowInfinity >> 63);
    }
}
