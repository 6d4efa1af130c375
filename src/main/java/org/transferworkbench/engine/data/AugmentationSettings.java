package org.transferworkbench.engine.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Random changes applied to training images so a small dataset looks bigger. Only the training split is
 * augmented; validation and test images are seen as they are.
 *
 * @param maxRotationDegrees rotations are drawn uniformly from [-max, +max], 0..180
 * @param randomCrop         crop a random 87.5% square and scale it back up
 * @param brightness         brightness factor drawn from [1 - b, 1 + b], 0 <= b < 1
 * @param contrast           contrast factor drawn from [1 - c, 1 + c], 0 <= c < 1
 */
public record AugmentationSettings(boolean horizontalFlip, boolean verticalFlip, double maxRotationDegrees,
                                   boolean randomCrop, double brightness, double contrast) {
    public static final AugmentationSettings NONE = new AugmentationSettings(false, false, 0, false, 0, 0);
    private static final String SYNTAX = "use 'none' or a comma-separated list of hflip, vflip, rot=DEGREES, crop, "
            + "brightness=FRACTION, contrast=FRACTION (e.g. 'hflip,rot=15,brightness=0.2')";

    public AugmentationSettings {
        if (!(maxRotationDegrees >= 0 && maxRotationDegrees <= 180)) {
            throw new IllegalArgumentException("The rotation must be between 0 and 180 degrees, got "
                    + maxRotationDegrees);
        }
        if (!(brightness >= 0 && brightness < 1) || !(contrast >= 0 && contrast < 1)) {
            throw new IllegalArgumentException("Brightness and contrast must be at least 0 and below 1, got "
                    + brightness + " and " + contrast);
        }
    }

    public boolean enabled() {
        return horizontalFlip || verticalFlip || maxRotationDegrees > 0 || randomCrop || brightness > 0
                || contrast > 0;
    }

    /** Parses CLI text such as {@code "none"} or {@code "hflip,vflip,rot=15,crop,brightness=0.2,contrast=0.2"}. */
    public static AugmentationSettings parse(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("none")) {
            return NONE;
        }
        boolean hflip = false;
        boolean vflip = false;
        boolean crop = false;
        double rotation = 0;
        double brightness = 0;
        double contrast = 0;
        for (String raw : text.split(",")) {
            String token = raw.strip().toLowerCase(Locale.ROOT);
            String key = token.contains("=") ? token.substring(0, token.indexOf('=')).strip() : token;
            switch (key) {
                case "hflip" -> hflip = true;
                case "vflip" -> vflip = true;
                case "crop" -> crop = true;
                case "rot", "rotation" -> rotation = number(token);
                case "brightness" -> brightness = number(token);
                case "contrast" -> contrast = number(token);
                default -> throw new IllegalArgumentException("Unknown augmentation '" + raw.strip() + "'; " + SYNTAX);
            }
        }
        return new AugmentationSettings(hflip, vflip, rotation, crop, brightness, contrast);
    }

    /** The text form understood by {@link #parse}, for run configurations and the CLI. */
    public String toSpec() {
        List<String> parts = new ArrayList<>();
        if (horizontalFlip) {
            parts.add("hflip");
        }
        if (verticalFlip) {
            parts.add("vflip");
        }
        if (maxRotationDegrees > 0) {
            parts.add("rot=" + plain(maxRotationDegrees));
        }
        if (randomCrop) {
            parts.add("crop");
        }
        if (brightness > 0) {
            parts.add("brightness=" + plain(brightness));
        }
        if (contrast > 0) {
            parts.add("contrast=" + plain(contrast));
        }
        return parts.isEmpty() ? "none" : String.join(",", parts);
    }

    private static double number(String token) {
        int equals = token.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("Augmentation '" + token + "' needs a value; " + SYNTAX);
        }
        try {
            return Double.parseDouble(token.substring(equals + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Augmentation '" + token + "' has no valid number; " + SYNTAX, e);
        }
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
