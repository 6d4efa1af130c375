package org.transferworkbench.engine.device;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Whether Java may read and write ND4J arrays straight through their native address. True on the CPU backend, where
 * an array's buffer is host memory; on CUDA the host copy can be stale, so code that works on buffers directly
 * (the fast pooling and ReLU gradient, the checkpoint writer) leaves such arrays to ND4J's own ops.
 */
public final class HostMemory {
    /** The backend is chosen once, when ND4J starts. */
    private static final boolean DIRECT = Nd4j.getEnvironment().isCPU();

    private HostMemory() {
    }

    public static boolean direct() {
        return DIRECT;
    }
}
