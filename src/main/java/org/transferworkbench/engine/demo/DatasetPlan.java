package org.transferworkbench.engine.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides which crops exist before any pixel is drawn: per class, source photos of 2-4 crops each. Every crop
 * has its own seed derived from (seed, photo, crop), so an image never depends on the ones rendered before it.
 */
final class DatasetPlan {
    static final String EXTENSION = "jpg";

    private DatasetPlan() {
    }

    static List<CropSpec> crops(long seed, int imagesPerClass) {
        SplittableRandom r = new SplittableRandom(seed);
        List<CropSpec> crops = new ArrayList<>();
        int photo = 0;
        for (CellType type : CellType.values()) {
            int remaining = imagesPerClass;
            while (remaining > 0) {
                photo++;
                int count = cropsInPhoto(remaining, r);
                long photoSeed = mix(seed, photo, 0);
                for (int crop = 1; crop <= count; crop++) {
                    crops.add(new CropSpec(type, photo, crop, photoSeed, mix(seed, photo, crop)));
                }
                remaining -= count;
            }
        }
        return crops;
    }

    /** 2-4, never leaving a single crop over for a last photo (unless the class has only one image at all). */
    private static int cropsInPhoto(int remaining, SplittableRandom r) {
        if (remaining <= 4) {
            return remaining;
        }
        int count = 2 + r.nextInt(3);
        return remaining - count < 2 ? remaining - 2 : count;
    }

    /** SplitMix64 finaliser over the inputs: neighbouring photos and crops get unrelated streams. */
    static long mix(long seed, long photo, long crop) {
        long z = seed + photo * 0x9E3779B97F4A7C15L + crop * 0xC2B2AE3D27D4EB4FL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
