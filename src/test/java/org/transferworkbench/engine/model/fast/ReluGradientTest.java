package org.transferworkbench.engine.model.fast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ReluGradientTest {

    private static final ActivationReLU RELU = new ActivationReLU();

    @Test
    void equalsDl4jsReluBackpropBitForBit() {
        for (long[] shape : new long[][] {{2, 3, 4, 5}, {16, 64, 32, 32}}) { // one loop, and the parallel split
            Nd4j.getRandom().setSeed(11);
            INDArray z = Nd4j.randn(DataType.FLOAT, shape);
            INDArray eps = Nd4j.randn(DataType.FLOAT, shape);
            // The edges: exact zeros (either sign), NaN and infinities before the activation.
            z.putScalar(0, 0f);
            z.putScalar(1, -0f);
            z.putScalar(2, Float.NaN);
            z.putScalar(3, Float.POSITIVE_INFINITY);
            z.putScalar(4, Float.NEGATIVE_INFINITY);
            z.putScalar(5, Float.MIN_VALUE);
            eps.putScalar(5, Float.NaN);
            INDArray expected = RELU.backprop(z.dup(), eps.dup()).getFirst();

            // The layer's way: the ReLU's output as the mask, into a fresh array; z itself is not kept.
            INDArray output = RELU.getActivation(z.dup(), true);
            INDArray fromOutput = ReluGradient.backprop(output, eps, z.ulike());
            assertThat(bits(fromOutput)).isEqualTo(bits(expected));

            assertThat(ReluGradient.handles(RELU, z, eps)).isTrue();
            INDArray got = ReluGradient.backpropInPlace(z, eps);
            assertThat(got).isSameAs(z);
            assertThat(bits(got)).isEqualTo(bits(expected));
        }
    }

    @Test
    void thePositiveMaskIsAllOnesExactlyForPositiveFloats() {
        float[] positive = {Float.MIN_VALUE, Float.MIN_NORMAL, 1e-30f, 0.5f, 1f, 3e38f, Float.MAX_VALUE,
                Float.POSITIVE_INFINITY};
        float[] notPositive = {0f, -0f, -Float.MIN_VALUE, -1f, -Float.MAX_VALUE, Float.NEGATIVE_INFINITY, Float.NaN,
                Float.intBitsToFloat(0x7fffffff), Float.intBitsToFloat(0xffc00000), Float.intBitsToFloat(0x7f800001)};
        for (float x : positive) {
            assertThat(ReluGradient.positiveMask(x)).as("%s", x).isEqualTo(-1);
        }
        for (float x : notPositive) {
            assertThat(ReluGradient.positiveMask(x)).as("%s", x).isZero();
        }
    }

    @Test
    void leavesOtherReLusAndStridedArraysToDl4j() {
        INDArray z = Nd4j.rand(DataType.FLOAT, 2, 3, 4, 4);
        INDArray eps = z.like();
        assertThat(ReluGradient.handles(new ActivationReLU(6.0, null, null), z, eps)).isFalse();
        assertThat(ReluGradient.handles(new ActivationReLU(null, 0.5, null), z, eps)).isFalse();
        assertThat(ReluGradient.handles(new ActivationReLU(null, null, 0.1), z, eps)).isFalse();
        assertThat(ReluGradient.handles(RELU, z.permute(0, 1, 3, 2), eps)).isFalse();
        assertThat(ReluGradient.handles(RELU, z, Nd4j.rand(DataType.FLOAT, 2, 3, 4, 5))).isFalse();
        assertThat(ReluGradient.handles(RELU, z.castTo(DataType.DOUBLE), eps.castTo(DataType.DOUBLE))).isFalse();
    }

    private static int[] bits(INDArray a) {
        float[] f = a.data().asFloat();
        int[] out = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = Float.floatToRawIntBits(f[i]);
        }
        return out;
    }
}
