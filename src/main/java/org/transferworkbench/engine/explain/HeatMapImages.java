package org.transferworkbench.engine.explain;

import java.awt.image.BufferedImage;

/**
 * Pictures of a {@link HeatMap}: the map upsampled to the image and laid over it in the jet colour map, and the
 * raw map in grey. Maps are normalised to their own maximum, so colours compare locations within one image only.
 */
public final class HeatMapImages {
    /** How much of the colour map covers the image where the map is 0 and where it is at its maximum. */
    private static final double MIN_ALPHA = 0.2;
    private static final double MAX_ALPHA = 0.65;
    /** Exported pictures are at least this wide, so a 32-64 px network input is still readable. */
    public static final int MIN_SIDE = 224;

    private HeatMapImages() {
    }

    /** Side of exported pictures: the input size times the smallest integer factor that reaches {@link #MIN_SIDE}. */
    public static int displaySide(int inputSide) {
        return inputSide * Math.max(1, (MIN_SIDE + inputSide - 1) / inputSide);
    }

    /** The map bilinearly upsampled to {@code side x side} and normalised to 0..1 (all 0 for an empty map). */
    public static float[] upsample(HeatMap map, int side) {
        float max = map.max();
        float[] out = new float[side * side];
        double scaleY = (double) map.height() / side;
        double scaleX = (double) map.width() / side;
        for (int y = 0; y < side; y++) {
            // Pixel centres map onto cell centres, as in image resizing, so a 2x2 map splits the image in quadrants.
            double fy = clamp((y + 0.5) * scaleY - 0.5, 0, map.height() - 1);
            int y0 = (int) Math.floor(fy);
            int y1 = Math.min(y0 + 1, map.height() - 1);
            double wy = fy - y0;
            for (int x = 0; x < side; x++) {
                double fx = clamp((x + 0.5) * scaleX - 0.5, 0, map.width() - 1);
                int x0 = (int) Math.floor(fx);
                int x1 = Math.min(x0 + 1, map.width() - 1);
                double wx = fx - x0;
                double v = (1 - wy) * ((1 - wx) * map.at(y0, x0) + wx * map.at(y0, x1))
                        + wy * ((1 - wx) * map.at(y1, x0) + wx * map.at(y1, x1));
                out[y * side + x] = max > 0 ? (float) (v / max) : 0f;
            }
        }
        return out;
    }

    /** The preprocessed image scaled to {@link #displaySide} with the jet-coloured map over it. */
    public static BufferedImage overlay(BufferedImage preprocessed, HeatMap map) {
        int side = displaySide(preprocessed.getWidth());
        float[] heat = upsample(map, side);
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        double scale = (double) preprocessed.getWidth() / side;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int base = preprocessed.getRGB((int) (x * scale), (int) (y * scale));
                double h = heat[y * side + x];
                int colour = jet(h);
                double alpha = MIN_ALPHA + (MAX_ALPHA - MIN_ALPHA) * h;
                out.setRGB(x, y, blend(base, colour, alpha));
            }
        }
        return out;
    }

    /** The raw map in grey (white = its maximum), each cell of the layer's grid a square block. */
    public static BufferedImage raw(HeatMap map, int side) {
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        float max = map.max();
        for (int y = 0; y < side; y++) {
            int row = y * map.height() / side;
            for (int x = 0; x < side; x++) {
                float v = map.at(row, x * map.width() / side);
                int grey = max > 0 ? Math.round(255 * v / max) : 0;
                out.getRaster().setSample(x, y, 0, grey);
            }
        }
        return out;
    }

    /** MATLAB's jet: blue (0) through cyan, yellow, to red (1). */
    public static int jet(double v) {
        double t = clamp(v, 0, 1);
        int r = channel(1.5 - Math.abs(4 * t - 3));
        int g = channel(1.5 - Math.abs(4 * t - 2));
        int b = channel(1.5 - Math.abs(4 * t - 1));
        return r << 16 | g << 8 | b;
    }

    private static int blend(int base, int colour, double alpha) {
        int r = mix(base >> 16 & 0xFF, colour >> 16 & 0xFF, alpha);
        int g = mix(base >> 8 & 0xFF, colour >> 8 & 0xFF, alpha);
        int b = mix(base & 0xFF, colour & 0xFF, alpha);
        return r << 16 | g << 8 | b;
    }

    private static int mix(int a, int b, double alpha) {
        return (int) Math.round((1 - alpha) * a + alpha * b);
    }

    private static int channel(double v) {
        return (int) Math.round(255 * clamp(v, 0, 1));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
