package org.transferworkbench.engine.eval;

/**
 * The model's answer for one image.
 *
 * @param actualClass null when the true class is unknown (prediction on new images)
 */
public record ImagePrediction(String relativePath, String actualClass, String predictedClass, double confidence,
                             double[] probabilities) {

    public boolean isCorrect() {
        return predictedClass.equals(actualClass);
    }
}
