package org.transferworkbench.engine.training;

/**
 * How many copies of the network train side by side, each on its own minibatches, with their parameters and
 * optimiser state averaged after every round (DL4J's ParallelWrapper). One worker is ordinary training.
 * Whether more than one makes sense is decided by the caller (see {@code GpuCount}): on GPUs each worker has its
 * own device; on the CPU several workers only compete for the same cores, which is useful to test this path and
 * nothing else.
 */
public record DataParallelism(int workers) {
    public static final DataParallelism SINGLE = new DataParallelism(1);

    public DataParallelism {
        if (workers < 1) {
            throw new IllegalArgumentException("Data-parallel training needs at least one worker.");
        }
    }

    public boolean parallel() {
        return workers > 1;
    }
}
