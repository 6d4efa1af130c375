package org.transferworkbench.engine.model.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The Java kernel must give bit-for-bit what libnd4j's maxpool2d / maxpool2d_bp give, ties included. */
class TwoByTwoMaxPoolTest {

    private static final int[] TWO = {2, 2};
    private static final int[] ONE = {1, 1};
    private static final int[] NO_PAD = {0, 0};

    @Test
    void randomBatchMatchesTheNativeOps() {
        assertMatchesNative(random(3, 5, 16, 12, 1));
    }

    @Test
    void largeBatchTakesTheParallelPathAndStillMatches() {
        assertMatchesNative(random(4, 64, 32, 32, 2)); // 262k elements: split over the common pool
    }

    @Test
    void tiesRouteTheGradientToTheFirstMaximumOnly() {
        // After ReLU most windows hold several zeros; some windows here are all-equal positive values too.
        INDArray x = Transforms.relu(random(2, 3, 8, 8, 3), true);
        x.get(NDArrayIndex.point(0), NDArrayIndex.point(1), NDArrayIndex.interval(0, 2), NDArrayIndex.interval(0, 2))
                .assign(0.75);
        x.get(NDArrayIndex.point(1), NDArrayIndex.point(2), NDArrayIndex.interval(2, 4), NDArrayIndex.interval(4, 6))
                .assign(-0.25);
        assertMatchesNative(x);

        INDArray epsOut = Nd4j.create(DataType.FLOAT, x.shape());
        TwoByTwoMaxPool.backward(x, Nd4j.ones(DataType.FLOAT, 2, 3, 4, 4), epsOut);
        assertEquals(1f, epsOut.getFloat(0, 1, 0, 0), "the first of four equal values takes the gradient");
        assertEquals(0f, epsOut.getFloat(0, 1, 0, 1));
        assertEquals(0f, epsOut.getFloat(0, 1, 1, 0));
        assertEquals(0f, epsOut.getFloat(0, 1, 1, 1));
        assertEquals(96.0, epsOut.sumNumber().doubleValue(), "one gradient per window, never split or doubled");
    }

    @Test
    void oddSidesDropTheLastRowAndColumnLikeTruncateMode() {
        INDArray x = random(2, 3, 7, 5, 4);
        assertMatchesNative(x);
        INDArray epsOut = Nd4j.ones(DataType.FLOAT, x.shape()); // garbage the kernel must overwrite
        TwoByTwoMaxPool.backward(x, Nd4j.ones(DataType.FLOAT, 2, 3, 3, 2), epsOut);
        assertEquals(0.0, epsOut.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(6), NDArrayIndex.all())
                .sumNumber().doubleValue(), "no window covers the last row");
        assertEquals(0.0, epsOut.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(4))
                .sumNumber().doubleValue(), "no window covers the last column");
    }

    @Test
    void viewsAndPermutedArraysAreReadThroughTheirOwnLayout() {
        INDArray big = random(4, 6, 8, 8, 5);
        INDArray slice = big.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.all()); // a view with an offset into a larger buffer
        assertTrue(slice.isView());
        assertMatchesNative(slice);
        INDArray permuted = random(4, 8, 8, 6, 6).permute(0, 3, 1, 2); // NHWC data seen as NCHW: not contiguous
        assertMatchesNative(permuted);
    }

    @Test
    void otherWindowsAreLeftToTheNativeOps() {
        INDArray x = random(1, 2, 9, 9, 6);
        assertFalse(TwoByTwoMaxPool.handles(geometry(x, new int[] {3, 3}, TWO, NO_PAD, ConvolutionMode.Truncate), x));
        assertFalse(TwoByTwoMaxPool.handles(geometry(x, TWO, ONE, NO_PAD, ConvolutionMode.Truncate), x));
        assertFalse(TwoByTwoMaxPool.handles(geometry(x, TWO, TWO, ONE, ConvolutionMode.Truncate), x));
        assertFalse(TwoByTwoMaxPool.handles(geometry(x, TWO, TWO, NO_PAD, ConvolutionMode.Same), x),
                "Same mode pads an odd side: the kernel has no padding");
        assertFalse(TwoByTwoMaxPool.handles(geometry(x, TWO, TWO, NO_PAD, ConvolutionMode.Truncate),
                x.castTo(DataType.DOUBLE)));
        assertTrue(TwoByTwoMaxPool.handles(geometry(x, TWO, TWO, NO_PAD, ConvolutionMode.Truncate), x));
    }

    private static void assertMatchesNative(INDArray x) {
        WindowGeometry g = geometry(x, TWO, TWO, NO_PAD, ConvolutionMode.Truncate);
        assertTrue(TwoByTwoMaxPool.handles(g, x));
        long[] outShape = {x.size(0), x.size(1), g.outSize()[0], g.outSize()[1]};

        INDArray expected = Nd4j.create(DataType.FLOAT, outShape);
        Nd4j.exec(DynamicCustomOp.builder("maxpool2d").addInputs(x).addOutputs(expected)
                .addIntegerArguments(g.nativeArgs(0, 0)).build());
        INDArray actual = Nd4j.create(DataType.FLOAT, outShape);
        TwoByTwoMaxPool.forward(x, actual);
        assertEquals(expected, actual, "forward");

        INDArray eps = Nd4j.rand(DataType.FLOAT, outShape).subi(0.5);
        INDArray expectedGrad = Nd4j.create(DataType.FLOAT, x.shape());
        Nd4j.exec(DynamicCustomOp.builder("maxpool2d_bp").addInputs(x, eps).addOutputs(expectedGrad)
                .addIntegerArguments(g.nativeArgs(0, 0)).build());
        INDArray actualGrad = Nd4j.valueArrayOf(x.shape(), Float.NaN, DataType.FLOAT);
        TwoByTwoMaxPool.backward(x, eps, actualGrad);
        assertEquals(expectedGrad, actualGrad, "backward");
    }

    private static WindowGeometry geometry(INDArray x, int[] kernel, int[] stride, int[] pad, ConvolutionMode mode) {
        return WindowGeometry.of(x, kernel, stride, pad, ONE, mode);
    }

    private static INDArray random(int n, int c, int h, int w, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, n, c, h, w).subi(0.5);
    }
}
