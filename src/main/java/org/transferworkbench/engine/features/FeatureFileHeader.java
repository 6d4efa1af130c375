package org.transferworkbench.engine.features;

import java.util.List;

/**
 * The JSON header of a cached feature file: shape, the images in row order and their class indices.
 * Written after the float data, so a header on disk means the data beside it is complete.
 */
public record FeatureFileHeader(int formatVersion, String key, long[] featureShape, List<String> paths,
                                int[] labels, int numClasses, double secondsToBuild) {

    public long floatsPerRow() {
        long n = 1;
        for (long d : featureShape) {
            n *= d;
        }
        return n;
    }

    public int rows() {
        return paths.size();
    }
}
