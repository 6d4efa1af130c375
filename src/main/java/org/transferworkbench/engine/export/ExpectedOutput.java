package org.transferworkbench.engine.export;

import java.util.List;

/**
 * expected.json: what the bundle's model answers for its sample image, so any program that loads the model
 * can check its own preprocessing and inference against it.
 *
 * @param image          the sample's path inside the bundle
 * @param inputTensor    the sample after preprocessing, inside the bundle: raw float32 little-endian, NCHW
 * @param trueClass      the sample's label in the run's test split
 * @param predictedClass the most probable class
 * @param probabilities  one per class, in classes.json order, rounded to 6 decimals
 * @param tolerance      the largest difference per probability that still counts as equal
 */
public record ExpectedOutput(int formatVersion, String image, String inputTensor, String trueClass, String predictedClass,
                             int predictedIndex, List<Double> probabilities, double tolerance) {

    public static final int FORMAT_VERSION = 1;
    public static final double TOLERANCE = 1e-5;

    static ExpectedOutput of(String image, String inputTensor, String trueClass, List<String> classNames, double[] probabilities) {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        List<Double> rounded = java.util.Arrays.stream(probabilities)
                .mapToObj(p -> Math.round(p * 1e6) / 1e6).toList();
        return new ExpectedOutput(FORMAT_VERSION, image, inputTensor, trueClass, classNames.get(best), best, rounded, TOLERANCE);
    }
}
