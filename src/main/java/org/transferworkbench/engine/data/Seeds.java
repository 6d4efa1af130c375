package org.transferworkbench.engine.data;

/** Derives independent, reproducible seeds, so parallel workers get the same random numbers on every run. */
final class Seeds {
    private Seeds() {
    }

    /** Mixes the parts with SplitMix64 steps; nearby inputs (seed 42 epoch 1, seed 43 epoch 0) do not collide. */
    static long derive(long seed, long... parts) {
        long h = mix(seed);
        for (long part : parts) {
            h = mix(h ^ mix(part + 0x9E3779B97F4A7C15L));
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
