package org.transferworkbench.engine.model.fast;

import java.nio.FloatBuffer;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * The backward pass of a plain ReLU, delta = epsilon where z &gt; 0 and 0 elsewhere, in Java on the native buffers.
 * DL4J's ActivationReLU hands it to libnd4j's relu_bp, which calls a std::function per element: 1.4-2.3 % of a
 * 64 px VGG16 training step under perf, about 40 ms, for what is a memory-bound select. The result is bit for bit
 * relu_bp's (epsilon copied where z &gt; 0, +0 elsewhere, NaN z gives 0), written over z, which the layer no longer
 * needs.
 */
public final class ReluGradient {

    /** Below this many elements the fork/join hand-off costs more than the loop. */
    private static final long PARALLEL_THRESHOLD = 1 << 16;
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE / Float.BYTES;

    private ReluGradient() {
    }

    /** True for DL4J's plain ReLU (no cap, threshold or leak) on contiguous float arrays of one shape. */
    public static boolean handles(IActivation activation, INDArray z, INDArray epsilon) {
        return activation instanceof ActivationReLU relu && relu.getMax() == null && relu.getThreshold() == null
                && relu.getNegativeSlope() == null
                && z.dataType() == DataType.FLOAT && epsilon.dataType() == DataType.FLOAT
                && z.equalShapes(epsilon) && z.length() <= MAX_ELEMENTS
                && contiguous(z) && contiguous(epsilon);
    }

    /** Overwrites {@code z} with the gradient before the activation and returns it. */
    public static INDArray backpropInPlace(INDArray z, INDArray epsilon) {
        int n = (int) z.length();
        FloatBuffer pre = floats(z, n);
        FloatBuffer eps = floats(epsilon, n);
        int parts = n < PARALLEL_THRESHOLD ? 1 : ForkJoinPool.getCommonPoolParallelism() + 1;
        if (parts == 1) {
            select(pre, eps, 0, n);
        } else {
            IntStream.range(0, parts).parallel().forEach(part ->
                    select(pre, eps, (int) ((long) n * part / parts), (int) ((long) n * (part + 1) / parts)));
        }
        return z;
    }

    private static void select(FloatBuffer pre, FloatBuffer eps, int from, int to) {
        for (int i = from; i < to; i++) {
            pre.put(i, pre.get(i) > 0f ? eps.get(i) : 0f);
        }
    }

    private static boolean contiguous(INDArray a) {
        return a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a);
    }

    /** The buffer's address pointer already includes a view's offset. */
    private static FloatBuffer floats(INDArray a, int length) {
        return new FloatPointer(a.data().addressPointer()).position(0).limit(length).capacity(length).asBuffer();
    }
}
