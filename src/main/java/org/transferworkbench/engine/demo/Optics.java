package org.transferworkbench.engine.demo;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;

/** Turns stain density into a camera image: uneven illumination, Beer-Lambert absorption, defocus, sensor noise. */
final class Optics {
    /** A source photo spans this many crop widths; crops see different parts of its vignette. */
    static final int PHOTO_SPAN = 4;

    private Optics() {
    }

    static BufferedImage develop(DensityField field, PhotoConditions photo, double offsetX, double offsetY,
                                 SplittableRandom r) {
        int n = field.size;
        float[][] light = transmit(field, photo, offsetX, offsetY);
        for (float[] channel : light) {
            blur(channel, n, photo.blurSigma());
        }
        BufferedImage image = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        double noise = photo.noiseSigma();
        for (int i = 0; i < pixels.length; i++) {
            int red = quantize(light[0][i] * 255 + noise * gaussian(r));
            int green = quantize(light[1][i] * 255 + noise * gaussian(r));
            int blue = quantize(light[2][i] * 255 + noise * gaussian(r));
            pixels[i] = (red << 16) | (green << 8) | blue;
        }
        return image;
    }

    private static float[][] transmit(DensityField field, PhotoConditions photo, double offsetX, double offsetY) {
        int n = field.size;
        float[][] light = new float[3][n * n];
        double half = PHOTO_SPAN * n / 2.0;
        double tiltX = StrictMath.cos(photo.tiltAngle());
        double tiltY = StrictMath.sin(photo.tiltAngle());
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double dx = (offsetX + x + 0.5 - half) / half;
                double dy = (offsetY + y + 0.5 - half) / half;
                double illumination = (1 - photo.vignette() * (dx * dx + dy * dy) / 2)
                        * (1 + photo.tilt() * (dx * tiltX + dy * tiltY) / 2);
                int i = y * n + x;
                light[0][i] = (float) (photo.whiteRed() * illumination * StrictMath.exp(-field.red[i]));
                light[1][i] = (float) (photo.whiteGreen() * illumination * StrictMath.exp(-field.green[i]));
                light[2][i] = (float) (photo.whiteBlue() * illumination * StrictMath.exp(-field.blue[i]));
            }
        }
        return light;
    }

    /** Separable Gaussian with clamped edges, in place. */
    static void blur(float[] channel, int n, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = StrictMath.exp(-(k * k) / (2 * sigma * sigma));
            sum += kernel[k + radius];
        }
        float[] scratch = new float[channel.length];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    acc += kernel[k + radius] * channel[y * n + clamp(x + k, n)];
                }
                scratch[y * n + x] = (float) (acc / sum);
            }
        }
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    acc += kernel[k + radius] * scratch[clamp(y + k, n) * n + x];
                }
                channel[y * n + x] = (float) (acc / sum);
            }
        }
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : (i >= n ? n - 1 : i);
    }

    /** Irwin-Hall approximation: exact arithmetic only, so noise is bit-identical on every JVM. */
    private static double gaussian(SplittableRandom r) {
        return (r.nextDouble() + r.nextDouble() + r.nextDouble() + r.nextDouble() - 2) * 1.7320508075688772;
    }

    private static int quantize(double v) {
        long rounded = Math.round(v);
        return (int) (rounded < 0 ? 0 : (rounded > 255 ? 255 : rounded));
    }
}
