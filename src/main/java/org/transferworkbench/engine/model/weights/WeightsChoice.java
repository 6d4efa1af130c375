package org.transferworkbench.engine.model.weights;

/**
 * The user's choice of starting weights for a run.
 *
 * @param keepImagenetHead keep the pretrained 1000-class output layer instead of a new one for the user's classes
 * @param baseUrl          download base URL for the zoo files ({@code --weights-url}), or null for the default
 */
public record WeightsChoice(WeightsSource source, boolean keepImagenetHead, String baseUrl) {
    public static final WeightsChoice RANDOM = new WeightsChoice(new WeightsSource.Random(), false, null);

    public WeightsChoice {
        if (source == null) {
            source = new WeightsSource.Random();
        }
        if (keepImagenetHead && (source instanceof WeightsSource.Random
                || source instanceof WeightsSource.WarmStart)) {
            throw new IllegalArgumentException("--keep-imagenet-head needs pretrained weights (--weights imagenet or "
                    + "keras:FILE.h5).");
        }
    }

    public boolean isRandom() {
        return source instanceof WeightsSource.Random;
    }
}
