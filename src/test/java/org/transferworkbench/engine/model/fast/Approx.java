package org.transferworkbench.engine.model.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Closeness relative to the expected array's scale: elementwise relative error is meaningless near zero. */
final class Approx {

    static final double TOLERANCE = 1e-4;

    private Approx() {
    }

    static void assertClose(INDArray expected, INDArray actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double scale = Math.max(expected.amaxNumber().doubleValue(), 1e-12);
        double error = expected.sub(actual).amaxNumber().doubleValue() / scale;
        assertTrue(error <= TOLERANCE, what + ": relative max error " + error + " > " + TOLERANCE);
    }
}
