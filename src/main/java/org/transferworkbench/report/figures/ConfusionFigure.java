package org.transferworkbench.report.figures;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The confusion matrix as a PNG heat map: rows are the actual class, columns the predicted one, each cell
 * shaded by its share of the row (so rare classes are as readable as common ones) and labelled with its count.
 */
public final class ConfusionFigure {
    private static final int CELL = 64;
    private static final int MARGIN = 16;
    private static final Color HIGH = new Color(0x1F, 0x4E, 0x99);

    private ConfusionFigure() {
    }

    public static byte[] png(List<String> classNames, long[][] counts) {
        int n = classNames.size();
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics fm = pg.getFontMetrics(font);
        int label = Math.min(260, classNames.stream().mapToInt(fm::stringWidth).max().orElse(40) + 12);
        pg.dispose();
        int grid = n * CELL;
        int width = MARGIN + label + grid + MARGIN;
        int height = MARGIN + 24 + label + grid + MARGIN;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(font.deriveFont(Font.BOLD, 14f));
        g.setColor(Color.DARK_GRAY);
        g.drawString("predicted class →   (rows: actual class)", MARGIN, MARGIN + 14);
        g.setFont(font);
        int x0 = MARGIN + label;
        int y0 = MARGIN + 24 + label;
        for (int i = 0; i < n; i++) {
            long rowTotal = 0;
            for (long c : counts[i]) {
                rowTotal += c;
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString(clip(classNames.get(i), fm, label - 12), MARGIN, y0 + i * CELL + CELL / 2 + 5);
            for (int j = 0; j < n; j++) {
                double share = rowTotal == 0 ? 0 : (double) counts[i][j] / rowTotal;
                g.setColor(blend(share));
                g.fillRect(x0 + j * CELL, y0 + i * CELL, CELL, CELL);
                g.setColor(new Color(0xD6, 0xDB, 0xE4));
                g.drawRect(x0 + j * CELL, y0 + i * CELL, CELL, CELL);
                String text = Long.toString(counts[i][j]);
                g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                g.drawString(text, x0 + j * CELL + (CELL - fm.stringWidth(text)) / 2, y0 + i * CELL + CELL / 2 + 5);
            }
        }
        // column labels, rotated to fit long class names
        g.setColor(Color.DARK_GRAY);
        for (int j = 0; j < n; j++) {
            Graphics2D r = (Graphics2D) g.create();
            r.translate(x0 + j * CELL + CELL / 2 + 5, y0 - 6);
            r.rotate(-Math.PI / 2);
            r.drawString(clip(classNames.get(j), fm, label - 12), 0, 0);
            r.dispose();
        }
        g.dispose();
        return encode(img);
    }

    private static Color blend(double share) {
        int r = (int) Math.round(255 + (HIGH.getRed() - 255) * share);
        int gr = (int) Math.round(255 + (HIGH.getGreen() - 255) * share);
        int b = (int) Math.round(255 + (HIGH.getBlue() - 255) * share);
        return new Color(r, gr, b);
    }

    private static String clip(String s, FontMetrics fm, int max) {
        if (fm.stringWidth(s) <= max) {
            return s;
        }
        String t = s;
        while (!t.isEmpty() && fm.stringWidth(t + "…") > max) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static byte[] encode(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the confusion matrix", e);
        }
    }
}
