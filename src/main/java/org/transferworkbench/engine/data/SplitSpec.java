package org.transferworkbench.engine.data;

import java.util.Locale;

/**
 * How to split a dataset.
 *
 * @param groupPattern optional regular expression that ties related images together (for example several
 *                     photos of the same specimen) so they never land in different splits. It is searched
 *                     ({@link java.util.regex.Matcher#find()}) in the image's path below its class folder, such
 *                     as {@code "P07_scan3.png"} or {@code "patient07/scan3.png"}. The group is the first
 *                     capture group if the pattern has one, else the whole match. Files it does not match form a
 *                     group of their own. Null or blank means every image is its own group.
 */
public record SplitSpec(double trainFraction, double validationFraction, double testFraction, long seed,
                        String groupPattern) {
    private static final double TOLERANCE = 1e-6;

    public SplitSpec {
        if (trainFraction <= 0 || validationFraction < 0 || testFraction < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Split fractions must not be negative and the training fraction must be above 0 "
                            + "(got train %s, validation %s, test %s).",
                    trainFraction, validationFraction, testFraction));
        }
        double sum = trainFraction + validationFraction + testFraction;
        if (Math.abs(sum - 1.0) > TOLERANCE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Split fractions must add up to 1 (train %s + validation %s + test %s = %s).",
                    trainFraction, validationFraction, testFraction, sum));
        }
        if (groupPattern != null && groupPattern.isBlank()) {
            groupPattern = null;
        }
        if (groupPattern != null) {
            GroupPattern.compile(groupPattern);
        }
    }

    /** 70% train, 15% validation, 15% test, seed 42, no grouping. */
    public static SplitSpec defaults() {
        return new SplitSpec(0.70, 0.15, 0.15, 42L, null);
    }

    public double fraction(Split split) {
        return switch (split) {
            case TRAIN -> trainFraction;
            case VALIDATION -> validationFraction;
            case TEST -> testFraction;
        };
    }
}
