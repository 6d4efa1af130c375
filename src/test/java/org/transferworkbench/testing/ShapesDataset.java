package org.transferworkbench.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A tiny labelled image folder for tests: three classes told apart by colour and shape, with random position,
 * size and noise, so a network has something real but easy to learn.
 */
public final class ShapesDataset {
    public static final String[] CLASSES = {"blue_triangle", "green_square", "red_disc"};

    private ShapesDataset() {
    }

    public static Path write(Path root, int perClass, int size, long seed) throws IOException {
        Random rng = new Random(seed);
        for (int c = 0; c < CLASSES.length; c++) {
            Path dir = Files.createDirectories(root.resolve(CLASSES[c]));
            for (int i = 0; i < perClass; i++) {
                ImageIO.write(draw(c, size, rng), "png", dir.resolve(String.format("img_%03d.png", i)).toFile());
            }
        }
        return root;
    }

    static BufferedImage draw(int cls, int size, Random rng) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int bg = 200 + rng.nextInt(40);
        g.setColor(new Color(bg, bg, bg - rng.nextInt(20)));
        g.fillRect(0, 0, size, size);
        int s = size / 3 + rng.nextInt(size / 4);
        int x = rng.nextInt(size - s);
        int y = rng.nextInt(size - s);
        int jitter = rng.nextInt(50);
        switch (cls) {
            case 0 -> {
                g.setColor(new Color(30 + jitter, 40 + jitter, 200));
                g.fillPolygon(new int[] {x, x + s / 2, x + s}, new int[] {y + s, y, y + s}, 3);
            }
            case 1 -> {
                g.setColor(new Color(40 + jitter, 170, 50 + jitter));
                g.fillRect(x, y, s, s);
            }
            default -> {
                g.setColor(new Color(210, 40 + jitter, 40 + jitter));
                g.fillOval(x, y, s, s);
            }
        }
        g.dispose();
        for (int py = 0; py < size; py++) {
            for (int px = 0; px < size; px++) {
                int rgb = img.getRGB(px, py);
                int n = rng.nextInt(21) - 10;
                int r = clamp(((rgb >> 16) & 255) + n);
                int gr = clamp(((rgb >> 8) & 255) + n);
                int b = clamp((rgb & 255) + n);
                img.setRGB(px, py, (r << 16) | (gr << 8) | b);
            }
        }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
