package org.transferworkbench.engine.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/** Brings any decoded image to 8-bit RGB without alpha. */
final class RgbConversion {
    private RgbConversion() {
    }

    static BufferedImage toRgb(BufferedImage source) {
        if (source.getType() == BufferedImage.TYPE_INT_RGB) {
            return source;
        }
        ColorModel model = source.getColorModel();
        boolean integerGrey = !(model instanceof IndexColorModel)
                && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && isIntegral(source.getRaster().getTransferType());
        return integerGrey ? greyToRgb(source) : drawOnWhite(source);
    }

    private static BufferedImage drawOnWhite(BufferedImage source) {
        BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Java2D treats grey images as linear light and would brighten them on the way to sRGB; PNG and JPEG grey
     * values are already gamma-encoded, so the samples are copied (scaled to 8 bits) instead.
     */
    private static BufferedImage greyToRgb(BufferedImage source) {
        ColorModel model = source.getColorModel();
        Raster raster = source.getRaster();
        int width = source.getWidth();
        int height = source.getHeight();
        double greyMax = (1L << model.getComponentSize(0)) - 1;
        boolean alpha = model.hasAlpha();
        double alphaMax = alpha ? (1L << model.getComponentSize(1)) - 1 : 1;
        int[] grey = new int[width];
        int[] alphas = new int[width];
        int[] row = new int[width];
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, grey);
            if (alpha) {
                raster.getSamples(0, y, width, 1, 1, alphas);
            }
            for (int x = 0; x < width; x++) {
                double value = grey[x] / greyMax * 255.0;
                if (alpha) {
                    double a = alphas[x] / alphaMax;
                    value = model.isAlphaPremultiplied() ? value + (1 - a) * 255.0 : value * a + (1 - a) * 255.0;
                }
                int v = (int) Math.round(Math.min(255.0, Math.max(0.0, value)));
                row[x] = v << 16 | v << 8 | v;
            }
            out.setRGB(0, y, width, 1, row, 0, width);
        }
        return out;
    }

    private static boolean isIntegral(int transferType) {
        return transferType == DataBuffer.TYPE_BYTE || transferType == DataBuffer.TYPE_USHORT
                || transferType == DataBuffer.TYPE_SHORT || transferType == DataBuffer.TYPE_INT;
    }
}
