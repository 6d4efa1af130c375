package org.transferworkbench.engine.training;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps ND4J's native threads (OpenMP, which its ops run on, and BLAS) for a stretch of work and restores them
 * afterwards.
 * <p>
 * Why: a compact head trained on cached features does a few multiply-adds per image, and every one of its tiny
 * matrix products pays for handing work to a second thread and waiting for it. Measured on 2 cores
 * (docs/PERFORMANCE.md): a compact-head step at 64 px takes 6-8 ms on one thread and 18-35 ms on two, while the
 * paper head (25-120 M multiply-adds per image) is faster on two. The setting is process-wide, so it is held only
 * while such a head trains.
 */
public final class NativeThreads implements AutoCloseable {
    /** Below this many multiply-adds per image, one thread is faster than two (see the class comment). */
    public static final long SMALL_WORK_PER_IMAGE = 1_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(NativeThreads.class);

    private final int omp;
    private final int blas;
    private final boolean changed;

    private NativeThreads(int threads) {
        blas = Nd4j.factory().blas().getMaxThreads();   // first: this loads the backend that NativeOpsHolder needs
        omp = NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
        changed = threads > 0 && threads < Math.max(omp, blas);
        if (changed) {
            set(threads, threads);
            LOG.debug("Native threads capped at {} (were {} OpenMP, {} BLAS)", threads, omp, blas);
        }
    }

    /** One thread while work this small runs; nothing changes for bigger work. */
    public static NativeThreads forWorkPerImage(long multiplyAddsPerImage) {
        return new NativeThreads(multiplyAddsPerImage < SMALL_WORK_PER_IMAGE ? 1 : 0);
    }

    public boolean capped() {
        return changed;
    }

    @Override
    public void close() {
        if (changed) {
            set(omp, blas);
        }
    }

    private static void set(int omp, int blas) {
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(omp);
        Nd4j.factory().blas().setMaxThreads(blas);
    }
}
