package org.transferworkbench.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

class NativeThreadsTest {

    @Test
    void smallWorkRunsOnOneThreadAndTheThreadsComeBackAfterwards() {
        int blas = Nd4j.factory().blas().getMaxThreads();
        int omp = NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
        try (NativeThreads t = NativeThreads.forWorkPerImage(130_000)) {
            assertThat(t.capped()).isEqualTo(Math.max(omp, blas) > 1);
            assertThat(NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()).isEqualTo(1);
            assertThat(Nd4j.factory().blas().getMaxThreads()).isEqualTo(1);
        }
        assertThat(NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()).isEqualTo(omp);
        assertThat(Nd4j.factory().blas().getMaxThreads()).isEqualTo(blas);
    }

    @Test
    void bigWorkKeepsEveryThread() {
        Nd4j.factory();
        int omp = NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
        try (NativeThreads t = NativeThreads.forWorkPerImage(25_000_000)) {
            assertThat(t.capped()).isFalse();
            assertThat(NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()).isEqualTo(omp);
        }
    }
}
