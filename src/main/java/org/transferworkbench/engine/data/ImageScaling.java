package org.transferworkbench.engine.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** High-quality scaling with plain Java2D. */
final class ImageScaling {
    private ImageScaling() {
    }

    /**
     * Scales a region of {@code source} to {@code width x height}. A single bilinear step from a 4000-pixel photo
     * to 224 pixels would sample only a few source pixels per output pixel and alias badly, so large reductions
     * are halved step by step first (each exact halving averages 2x2 blocks), then finished bilinearly.
     */
    static BufferedImage scaleRegion(BufferedImage source, int x, int y, int regionWidth, int regionHeight,
                                     int width, int height) {
        BufferedImage current = source.getSubimage(x, y, regionWidth, regionHeight);
        int w = regionWidth;
        int h = regionHeight;
        boolean drawn = false;
        while (w / 2 >= width && h / 2 >= height) {
            w /= 2;
            h /= 2;
            current = draw(current, w, h);
            drawn = true;
        }
        // Always copy at least once: callers may cache the result, which must not share the source's pixels.
        return drawn && w == width && h == height ? current : draw(current, width, height);
    }

    static BufferedImage filled(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(color);
            g.fillRect(0, 0, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    static void setQualityHints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            setQualityHints(g);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
