package org.transferworkbench.engine.explain;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * The Grad-CAM of one image, with what is needed to show and export it.
 *
 * @param preprocessed the image exactly as the network saw it (resized and cropped or padded), in RGB
 * @param classNames   the run's classes, indexed like the map's class numbers
 */
public record Explanation(Path image, BufferedImage preprocessed, HeatMap map, List<String> classNames) {

    public String predictedClass() {
        return classNames.get(map.predictedClass());
    }

    public double confidence() {
        return map.probabilities()[map.predictedClass()];
    }

    public String targetClass() {
        return classNames.get(map.targetClass());
    }

    public double targetProbability() {
        return map.probabilities()[map.targetClass()];
    }
}
