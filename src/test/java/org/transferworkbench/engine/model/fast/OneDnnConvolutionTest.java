package org.transferworkbench.engine.model.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * oneDNN called directly computes what libnd4j's conv2d / conv2d_bp ops compute (which FastLayersEquivalenceTest
 * and FastVggEquivalenceTest tie to DL4J's own layer), for VGG's windows and for the other geometries the layer
 * accepts.
 */
class OneDnnConvolutionTest {

    /** Reference and direct kernels may sum in another order; floats agree to about 1e-6 relative. */
    private static final double TOLERANCE = 1e-5;

    record Case(String name, int batch, int in, int out, int height, int width, int kernel, int stride, int pad,
                int dilation, ConvolutionMode mode, boolean bias) {
    }

    private static final List<Case> CASES = List.of(
            new Case("VGG 3x3 same", 4, 16, 24, 12, 12, 3, 1, 0, 1, ConvolutionMode.Same, true),
            new Case("first layer, 3 channels", 2, 3, 16, 17, 13, 3, 1, 0, 1, ConvolutionMode.Same, true),
            new Case("stride 2, padding 1", 3, 8, 8, 11, 9, 3, 2, 1, 1, ConvolutionMode.Truncate, true),
            new Case("dilation 2, padding 2", 2, 8, 16, 10, 10, 3, 1, 2, 2, ConvolutionMode.Truncate, true),
            new Case("5x5 strict, no bias", 2, 8, 8, 9, 9, 5, 2, 0, 1, ConvolutionMode.Strict, false),
            new Case("1x1", 5, 32, 8, 4, 4, 1, 1, 0, 1, ConvolutionMode.Truncate, true));

    @Test
    void loadsOnThisPlatform() {
        // linux-x86_64 is the platform the build pulls natives for: falling back here would hide a packaging fault.
        assertThat(OneDnn.available()).as("oneDNN natives loaded").isTrue();
    }

    @Test
    void forwardMatchesLibnd4jWithAndWithoutRelu() {
        OneDnnConvolution direct = new OneDnnConvolution(OneDnn.get());
        for (Case c : CASES) {
            Arrays a = Arrays.of(c, 11);
            assertThat(a.shape(c)).as(c.name()).isNotNull();
            INDArray expected = reference(c, a);

            INDArray z = Nd4j.createUninitialized(DataType.FLOAT, expected.shape());
            direct.forward(a.shape(c), a.x, a.w, a.bias(c), z, false);
            assertClose(z, expected, c.name() + " z");

            INDArray relu = Nd4j.createUninitialized(DataType.FLOAT, expected.shape());
            direct.forward(a.shape(c), a.x, a.w, a.bias(c), relu, true);
            assertClose(relu, Transforms.relu(expected, true), c.name() + " relu(z)");
        }
    }

    @Test
    void backwardMatchesLibnd4jOnEveryGradient() {
        OneDnnConvolution direct = new OneDnnConvolution(OneDnn.get());
        for (Case c : CASES) {
            Arrays a = Arrays.of(c, 23);
            INDArray delta = Nd4j.rand(DataType.FLOAT, reference(c, a).shape()).subi(0.5);

            Arrays r = a.undilated(c);
            INDArray epsRef = Nd4j.create(DataType.FLOAT, a.x.shape());
            INDArray wGradRef = Nd4j.create(DataType.FLOAT, r.w.shape());
            INDArray bGradRef = Nd4j.create(DataType.FLOAT, c.out());
            Nd4j.exec(DynamicCustomOp.builder("conv2d_bp")
                    .addInputs(c.bias() ? new INDArray[] {r.x, r.w, r.b, delta} : new INDArray[] {r.x, r.w, delta})
                    .addOutputs(c.bias() ? new INDArray[] {epsRef, wGradRef, bGradRef}
                            : new INDArray[] {epsRef, wGradRef})
                    .addIntegerArguments(r.geometry.nativeArgs(0, 1))
                    .build());
            wGradRef = a.dilationTaps(wGradRef, c);

            // gradients are written over whatever the arrays held, as DL4J's gradient views expect
            INDArray eps = Nd4j.valueArrayOf(a.x.shape(), 7f, DataType.FLOAT);
            INDArray wGrad = Nd4j.valueArrayOf(a.w.shape(), 7f, DataType.FLOAT);
            INDArray bGrad = Nd4j.valueArrayOf(new long[] {c.out()}, 7f, DataType.FLOAT);
            direct.backward(a.shape(c), a.x, a.w, delta, eps, wGrad, c.bias() ? bGrad : null);
            assertClose(eps, epsRef, c.name() + " input gradient");
            assertClose(wGrad, wGradRef, c.name() + " weight gradient");
            if (c.bias()) {
                assertClose(bGrad, bGradRef, c.name() + " bias gradient");
            }
        }
    }

    @Test
    void arraysThatAreViewsOfLargerBuffersAreReadAndWrittenInPlace() {
        // DL4J hands the layer its weights and gradients as views into one flat parameter / gradient vector.
        Case c = CASES.get(0);
        Arrays a = Arrays.of(c, 5);
        long wLength = a.w.length();
        INDArray flat = Nd4j.create(DataType.FLOAT, 1, 3 + wLength + c.out() + 2);
        INDArray wView = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(3, 3 + wLength)).reshape('c',
                a.w.shape());
        INDArray bView = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(3 + wLength, 3 + wLength + c.out()));
        wView.assign(a.w);
        bView.assign(a.b);
        assertThat(DenseFloats.isDense(wView)).isTrue();
        assertThat(DenseFloats.isDense(bView)).isTrue();

        OneDnnConvolution direct = new OneDnnConvolution(OneDnn.get());
        OneDnnConvolution.Shape shape = OneDnnConvolution.shape(a.x, wView, true, a.geometry);
        INDArray z = Nd4j.createUninitialized(DataType.FLOAT, reference(c, a).shape());
        direct.forward(shape, a.x, wView, bView, z, false);
        assertClose(z, reference(c, a), "forward through views");

        INDArray gradFlat = Nd4j.valueArrayOf(flat.shape(), 3f, DataType.FLOAT);
        INDArray wGrad = gradFlat.get(NDArrayIndex.point(0), NDArrayIndex.interval(3, 3 + wLength)).reshape('c',
                a.w.shape());
        direct.backward(shape, a.x, wView, z, Nd4j.create(DataType.FLOAT, a.x.shape()), wGrad,
                gradFlat.get(NDArrayIndex.point(0), NDArrayIndex.interval(3 + wLength, 3 + wLength + c.out())));
        // the values either side of the views are untouched
        assertThat(gradFlat.getFloat(0, 2)).isEqualTo(3f);
        assertThat(gradFlat.getFloat(0, 3 + wLength + c.out())).isEqualTo(3f);
        assertThat(wGrad.getFloat(0, 0, 0, 0)).isNotEqualTo(3f);
    }

    @Test
    void manyBatchSizesInTurnStayCorrect() {
        // more shapes than the layer keeps primitives for: old ones are dropped and rebuilt when they come back
        Case c = CASES.get(2);
        OneDnnConvolution direct = new OneDnnConvolution(OneDnn.get());
        for (int batch : new int[] {1, 2, 3, 4, 5, 6, 1, 6}) {
            Case b = new Case(c.name(), batch, c.in(), c.out(), c.height(), c.width(), c.kernel(), c.stride(),
                    c.pad(), c.dilation(), c.mode(), c.bias());
            Arrays a = Arrays.of(b, batch);
            INDArray expected = reference(b, a);
            INDArray z = Nd4j.createUninitialized(DataType.FLOAT, expected.shape());
            direct.forward(OneDnnConvolution.shape(a.x, a.w, true, a.geometry), a.x, a.w, a.b, z, true);
            assertClose(z, Transforms.relu(expected, true), "batch " + batch);
        }
    }

    @Test
    void windowsThatLeaveInputRowsOutAreLeftToLibnd4j() {
        // truncate mode, 10 rows, 3x3 stride 2: four windows cover rows 0-8 and row 9 is never read
        Case c = new Case("truncated", 1, 4, 4, 10, 10, 3, 2, 0, 1, ConvolutionMode.Truncate, true);
        Arrays a = Arrays.of(c, 1);
        assertThat(OneDnnConvolution.shape(a.x, a.w, true, a.geometry)).isNull();
        assertThat(OneDnnConvolution.shape(a.x.castTo(DataType.DOUBLE), a.w, true, a.geometry)).isNull();
    }

    /** libnd4j's conv2d; a dilated case through the equivalent undilated kernel (libnd4j's oneDNN path rejects
     *  dilation). */
    private static INDArray reference(Case c, Arrays a) {
        Arrays r = a.undilated(c);
        INDArray z = Nd4j.create(DataType.FLOAT, c.batch(), c.out(), a.geometry.outSize()[0],
                a.geometry.outSize()[1]);
        Nd4j.exec(DynamicCustomOp.builder("conv2d")
                .addInputs(c.bias() ? new INDArray[] {r.x, r.w, r.b} : new INDArray[] {r.x, r.w})
                .addOutputs(z)
                .addIntegerArguments(r.geometry.nativeArgs(0, 1))
                .build());
        return z;
    }

    private record Arrays(INDArray x, INDArray w, INDArray b, WindowGeometry geometry) {
        static Arrays of(Case c, long seed) {
            Nd4j.getRandom().setSeed(seed);
            INDArray x = Nd4j.rand(DataType.FLOAT, c.batch(), c.in(), c.height(), c.width()).subi(0.5).muli(4);
            INDArray w = Nd4j.rand(DataType.FLOAT, c.out(), c.in(), c.kernel(), c.kernel()).subi(0.5);
            INDArray b = Nd4j.rand(DataType.FLOAT, c.out()).subi(0.5);
            WindowGeometry g = WindowGeometry.of(x, new int[] {c.kernel(), c.kernel()},
                    new int[] {c.stride(), c.stride()}, new int[] {c.pad(), c.pad()},
                    new int[] {c.dilation(), c.dilation()}, c.mode());
            return new Arrays(x, w, b, g);
        }

        OneDnnConvolution.Shape shape(Case c) {
            return OneDnnConvolution.shape(x, w, c.bias(), geometry);
        }

        INDArray bias(Case c) {
            return c.bias() ? b : null;
        }

        /** The same convolution without dilation: the kernel spread out with zeros between its taps. */
        Arrays undilated(Case c) {
            int d = c.dilation();
            if (d == 1) {
                return this;
            }
            int k = (c.kernel() - 1) * d + 1;
            INDArray spread = Nd4j.zeros(DataType.FLOAT, c.out(), c.in(), k, k);
            spread.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, d, k),
                    NDArrayIndex.interval(0, d, k)).assign(w);
            WindowGeometry g = WindowGeometry.of(x, new int[] {k, k}, new int[] {c.stride(), c.stride()},
                    new int[] {c.pad(), c.pad()}, new int[] {1, 1}, c.mode());
            return new Arrays(x, spread, b, g);
        }

        /** Back from {@link #undilated}'s kernel shape: the gradient at the real taps. */
        INDArray dilationTaps(INDArray spreadGradient, Case c) {
            int d = c.dilation();
            return d == 1 ? spreadGradient : spreadGradient.get(NDArrayIndex.all(), NDArrayIndex.all(),
                    NDArrayIndex.interval(0, d, spreadGradient.size(2)),
                    NDArrayIndex.interval(0, d, spreadGradient.size(3))).dup();
        }
    }

    private static void assertClose(INDArray actual, INDArray expected, String what) {
        double scale = Math.max(expected.amaxNumber().doubleValue(), 1e-12);
        assertThat(actual.sub(expected).amaxNumber().doubleValue() / scale).as(what).isLessThan(TOLERANCE);
    }
}
