package org.transferworkbench.engine.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * Turns an RGB image into the input the ImageNet VGG weights expect, in the "caffe" convention they were
 * trained with: square, channels first in B, G, R order, 0..255 values minus the per-channel ImageNet mean.
 * Training, evaluation and prediction all go through this class, so a model never sees differently prepared
 * pixels at prediction time than it learnt from.
 */
public final class ImagePreprocessor {
    /** ImageNet channel means in B, G, R order, on the 0..255 scale. Treat as read-only. */
    public static final float[] VGG_MEAN_BGR = {103.939f, 116.779f, 123.68f};
    /** The mean as a colour: padding or fill painted with it becomes (almost exactly) 0 after mean subtraction. */
    static final Color MEAN_COLOUR = new Color(Math.round(VGG_MEAN_BGR[2]), Math.round(VGG_MEAN_BGR[1]),
            Math.round(VGG_MEAN_BGR[0]));

    private final int inputSize;
    private final ResizePolicy policy;

    public ImagePreprocessor(int inputSize, ResizePolicy policy) {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("The input size must be positive, got " + inputSize);
        }
        this.inputSize = inputSize;
        this.policy = Objects.requireNonNull(policy);
    }

    /** The letterbox padding colour as R, G, B on the 0..255 scale. */
    public static int[] meanColourRgb() {
        return new int[] {MEAN_COLOUR.getRed(), MEAN_COLOUR.getGreen(), MEAN_COLOUR.getBlue()};
    }

    public int inputSize() {
        return inputSize;
    }

    public ResizePolicy policy() {
        return policy;
    }

    /** Number of floats one image occupies in a tensor: 3 x size x size. */
    public int tensorLength() {
        return 3 * inputSize * inputSize;
    }

    /** An {@code inputSize x inputSize} RGB image made according to the {@link ResizePolicy}. */
    public BufferedImage resize(BufferedImage rgb) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        if (policy == ResizePolicy.SHORTER_SIDE_CENTER_CROP) {
            int side = Math.min(w, h);
            return ImageScaling.scaleRegion(rgb, (w - side) / 2, (h - side) / 2, side, side, inputSize, inputSize);
        }
        double scale = (double) inputSize / Math.max(w, h);
        int scaledW = Math.max(1, (int) Math.round(w * scale));
        int scaledH = Math.max(1, (int) Math.round(h * scale));
        BufferedImage scaled = ImageScaling.scaleRegion(rgb, 0, 0, w, h, scaledW, scaledH);
        BufferedImage canvas = ImageScaling.filled(inputSize, inputSize, MEAN_COLOUR);
        Graphics2D g = canvas.createGraphics();
        try {
            g.drawImage(scaled, (inputSize - scaledW) / 2, (inputSize - scaledH) / 2, null);
        } finally {
            g.dispose();
        }
        return canvas;
    }

    /**
     * Writes one image as CHW floats, B plane then G plane then R plane, means subtracted, starting at
     * {@code offset}; {@code target} must have room for {@link #tensorLength()} floats there.
     */
    public void writeTensor(BufferedImage resizedRgb, float[] target, int offset) {
        if (resizedRgb.getWidth() != inputSize || resizedRgb.getHeight() != inputSize) {
            throw new IllegalArgumentException("Expected a " + inputSize + "x" + inputSize + " image, got "
                    + resizedRgb.getWidth() + "x" + resizedRgb.getHeight() + "; call resize first");
        }
        int plane = inputSize * inputSize;
        int[] pixels = resizedRgb.getRGB(0, 0, inputSize, inputSize, null, 0, inputSize);
        for (int i = 0; i < plane; i++) {
            int pixel = pixels[i];
            target[offset + i] = (pixel & 0xFF) - VGG_MEAN_BGR[0];
            target[offset + plane + i] = (pixel >> 8 & 0xFF) - VGG_MEAN_BGR[1];
            target[offset + 2 * plane + i] = (pixel >> 16 & 0xFF) - VGG_MEAN_BGR[2];
        }
    }

    /** Resize then {@link #writeTensor}: the tensor of one image, ready to predict on. */
    public float[] toTensor(BufferedImage rgb) {
        float[] tensor = new float[tensorLength()];
        writeTensor(resize(rgb), tensor, 0);
        return tensor;
    }
}
