package org.transferworkbench.engine.model.fast;

import java.nio.FloatBuffer;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.transferworkbench.engine.device.HostMemory;

/**
 * VGG's 2x2, stride 2 max pooling over contiguous NCHW float arrays, computed in Java straight on the native
 * buffers. libnd4j hands maxpool2d on NCHW to oneDNN's reference kernel ("simple_nchw"), which runs at a fifth of
 * memory speed (about 34 ms forward for 16x64x64x64 here, 4 ms in this loop), and its backward op recomputes the
 * forward pass first. Ties go to the first maximum in window order (row-major), as in libnd4j's own kernels, so
 * gradients route exactly as the stock layer routes them.
 */
final class TwoByTwoMaxPool {

    /** Below this many input elements the fork/join hand-off costs more than the loop. */
    private static final long PARALLEL_THRESHOLD = 1 << 16;
    /** FloatBuffer indices are ints over bytes. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE / Float.BYTES;

    private TwoByTwoMaxPool() {
    }

    /** True when this kernel computes exactly what libnd4j's maxpool2d would for this geometry and array. */
    static boolean handles(WindowGeometry g, INDArray in) {
        return g.kernel()[0] == 2 && g.kernel()[1] == 2 && g.stride()[0] == 2 && g.stride()[1] == 2
                && g.dilation()[0] == 1 && g.dilation()[1] == 1 && g.pad()[0] == 0 && g.pad()[1] == 0
                && g.outSize()[0] == in.size(2) / 2 && g.outSize()[1] == in.size(3) / 2
                && in.dataType() == DataType.FLOAT && in.length() <= MAX_ELEMENTS && HostMemory.direct();
    }

    /** out[n, c, i, j] = max of in[n, c, 2i..2i+1, 2j..2j+1]; {@code out} must be a fresh c-order array. */
    static void forward(INDArray in, INDArray out) {
        INDArray x = DenseFloats.dense(in);
        Planes p = new Planes(x);
        FloatBuffer src = DenseFloats.of(x);
        FloatBuffer dst = DenseFloats.of(out);
        eachPlane(p, x.length(), plane -> {
            int s = plane * p.inPlane;
            int d = plane * p.outPlane;
            for (int r = 0; r < p.outRows; r++) {
                int top = s + 2 * r * p.inCols;
                int bottom = top + p.inCols;
                int o = d + r * p.outCols;
                for (int c = 0; c < p.outCols; c++) {
                    int k = 2 * c;
                    float m = src.get(top + k);
                    m = Math.max(m, src.get(top + k + 1));
                    m = Math.max(m, src.get(bottom + k));
                    dst.put(o + c, Math.max(m, src.get(bottom + k + 1)));
                }
            }
        });
    }

    /**
     * epsOut = the gradient of the pooling: each output's epsilon goes to the first maximum of its window, zero
     * elsewhere (also to a trailing odd row or column, which no window covers).
     */
    static void backward(INDArray in, INDArray epsilon, INDArray epsOut) {
        INDArray x = DenseFloats.dense(in);
        INDArray e = DenseFloats.dense(epsilon);
        Planes p = new Planes(x);
        if (p.inRows % 2 != 0 || p.inCols % 2 != 0) {
            epsOut.assign(0);
        }
        FloatBuffer src = DenseFloats.of(x);
        FloatBuffer eps = DenseFloats.of(e);
        FloatBuffer dst = DenseFloats.of(epsOut);
        eachPlane(p, x.length(), plane -> {
            int s = plane * p.inPlane;
            int g = plane * p.outPlane;
            int d = plane * p.inPlane;
            for (int r = 0; r < p.outRows; r++) {
                int rowOffset = 2 * r * p.inCols;
                for (int c = 0; c < p.outCols; c++) {
                    int top = rowOffset + 2 * c;
                    int bottom = top + p.inCols;
                    int best = firstMaximum(src, s, top, bottom);
                    float grad = eps.get(g + r * p.outCols + c);
                    dst.put(d + top, best == top ? grad : 0f);
                    dst.put(d + top + 1, best == top + 1 ? grad : 0f);
                    dst.put(d + bottom, best == bottom ? grad : 0f);
                    dst.put(d + bottom + 1, best == bottom + 1 ? grad : 0f);
                }
            }
        });
    }

    /** Which of the window's four elements (row-major) is the first largest: strict {@code >}, as libnd4j's. */
    private static int firstMaximum(FloatBuffer src, int plane, int top, int bottom) {
        float topLeft = src.get(plane + top);
        float topRight = src.get(plane + top + 1);
        float bottomLeft = src.get(plane + bottom);
        float bottomRight = src.get(plane + bottom + 1);
        int best = top;
        float max = topLeft;
        if (topRight > max) {
            best = top + 1;
            max = topRight;
        }
        if (bottomLeft > max) {
            best = bottom;
            max = bottomLeft;
        }
        return bottomRight > max ? bottom + 1 : best;
    }

    private interface PlaneKernel {
        void run(int plane);
    }

    private static void eachPlane(Planes p, long elements, PlaneKernel kernel) {
        int planes = p.count;
        int parts = elements < PARALLEL_THRESHOLD ? 1 : Math.min(planes, ForkJoinPool.getCommonPoolParallelism() + 1);
        if (parts <= 1) {
            for (int plane = 0; plane < planes; plane++) {
                kernel.run(plane);
            }
            return;
        }
        IntStream.range(0, parts).parallel().forEach(part -> {
            int to = (int) ((long) planes * (part + 1) / parts);
            for (int plane = (int) ((long) planes * part / parts); plane < to; plane++) {
                kernel.run(plane);
            }
        });
    }

    /** The NCHW extents, with n*c planes of h x w. */
    private static final class Planes {
        final int count;
        final int inRows;
        final int inCols;
        final int inPlane;
        final int outRows;
        final int outCols;
        final int outPlane;

        Planes(INDArray nchw) {
            count = (int) (nchw.size(0) * nchw.size(1));
            inRows = (int) nchw.size(2);
            inCols = (int) nchw.size(3);
            inPlane = inRows * inCols;
            outRows = inRows / 2;
            outCols = inCols / 2;
            outPlane = outRows * outCols;
        }
    }
}
