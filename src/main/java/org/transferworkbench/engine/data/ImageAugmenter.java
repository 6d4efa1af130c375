package org.transferworkbench.engine.data;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Random;

/**
 * Applies {@link AugmentationSettings} to a resized training image. The input is never modified (it may sit in
 * the iterator's cache); all geometric changes are combined into one transform so the image is resampled once.
 */
public final class ImageAugmenter {
    /** Side of the random crop relative to the image. */
    static final double CROP_FRACTION = 0.875;

    private final AugmentationSettings settings;

    public ImageAugmenter(AugmentationSettings settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    public BufferedImage apply(BufferedImage resizedRgb, Random rng) {
        if (!settings.enabled()) {
            return resizedRgb;
        }
        BufferedImage out = geometric(resizedRgb, rng);
        return settings.brightness() > 0 || settings.contrast() > 0 ? photometric(out, rng) : out;
    }

    private BufferedImage geometric(BufferedImage source, Random rng) {
        int w = source.getWidth();
        int h = source.getHeight();
        // Java2D appends each call to the right, so the last call below acts on the source first.
        AffineTransform transform = new AffineTransform();
        if (settings.maxRotationDegrees() > 0) {
            double degrees = (rng.nextDouble() * 2 - 1) * settings.maxRotationDegrees();
            transform.rotate(Math.toRadians(degrees), w / 2.0, h / 2.0);
        }
        if (settings.verticalFlip() && rng.nextBoolean()) {
            transform.translate(0, h);
            transform.scale(1, -1);
        }
        if (settings.horizontalFlip() && rng.nextBoolean()) {
            transform.translate(w, 0);
            transform.scale(-1, 1);
        }
        if (settings.randomCrop()) {
            double cropW = w * CROP_FRACTION;
            double cropH = h * CROP_FRACTION;
            transform.scale(w / cropW, h / cropH);
            transform.translate(-rng.nextDouble() * (w - cropW), -rng.nextDouble() * (h - cropH));
        }
        if (transform.isIdentity()) {
            return source;
        }
        BufferedImage out = ImageScaling.filled(w, h, ImagePreprocessor.MEAN_COLOUR);
        Graphics2D g = out.createGraphics();
        try {
            ImageScaling.setQualityHints(g);
            g.drawImage(source, transform, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Contrast stretches around the image's own mean level, so it does not also shift brightness. */
    private BufferedImage photometric(BufferedImage source, Random rng) {
        double brightnessFactor = 1 + (rng.nextDouble() * 2 - 1) * settings.brightness();
        double contrastFactor = 1 + (rng.nextDouble() * 2 - 1) * settings.contrast();
        int w = source.getWidth();
        int h = source.getHeight();
        int[] pixels = source.getRGB(0, 0, w, h, null, 0, w);
        double sum = 0;
        for (int pixel : pixels) {
            sum += (pixel >> 16 & 0xFF) + (pixel >> 8 & 0xFF) + (pixel & 0xFF);
        }
        double mean = sum / (3.0 * pixels.length);
        for (int i = 0; i < pixels.length; i++) {
            int pixel = pixels[i];
            int r = adjust(pixel >> 16 & 0xFF, mean, contrastFactor, brightnessFactor);
            int g = adjust(pixel >> 8 & 0xFF, mean, contrastFactor, brightnessFactor);
            int b = adjust(pixel & 0xFF, mean, contrastFactor, brightnessFactor);
            pixels[i] = r << 16 | g << 8 | b;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, pixels, 0, w);
        return out;
    }

    private static int adjust(int value, double mean, double contrast, double brightness) {
        double adjusted = ((value - mean) * contrast + mean) * brightness;
        return (int) Math.round(Math.max(0, Math.min(255, adjusted)));
    }
}
