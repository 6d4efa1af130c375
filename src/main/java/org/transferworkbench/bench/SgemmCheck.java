package org.transferworkbench.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 1024x1024 single-precision matrix multiply, timed just before each case: on a shared machine it shows how
 * much of the CPU the case could get, so a slow case can be told from a busy machine.
 */
public final class SgemmCheck {
    private static final int N = 1024;
    private static final int REPEATS = 5;

    private SgemmCheck() {
    }

    /** Best GFLOP/s of a few multiplies (best, not median: the check measures what the machine can still give). */
    public static double gflops() {
        INDArray a = Nd4j.rand(DataType.FLOAT, N, N);
        INDArray b = Nd4j.rand(DataType.FLOAT, N, N);
        INDArray c = Nd4j.create(DataType.FLOAT, N, N);
        Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return 2.0 * N * N * N / best / 1e9;
    }
}
