package org.transferworkbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.transferworkbench.engine.io.AtomicFiles;
import org.transferworkbench.engine.study.ArmSummary;
import org.transferworkbench.engine.study.CurveBand;
import org.transferworkbench.engine.study.CurveKind;
import org.transferworkbench.engine.study.StudyResults;

/**
 * A study's learning curves for a paper: four panels (training and validation accuracy, training and validation
 * loss), one mean line per arm with a shaded band, drawn with JFreeChart on plain AWT so it renders headless to PNG
 * and SVG alike.
 */
public final class StudyFigure {
    /** Colour-blind-safe (Okabe–Ito) */
    private static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
        new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0)};
    private static final CurveKind[] PANELS = {CurveKind.TRAIN_ACCURACY, CurveKind.VALIDATION_ACCURACY,
        CurveKind.TRAIN_LOSS, CurveKind.VALIDATION_LOSS};
    private static final int TITLE_HEIGHT = 36;

    private final StudyResults results;
    private final BandKind band;

    public StudyFigure(StudyResults results, BandKind band) {
        this.results = results;
        this.band = band;
    }

    public void writePng(Path file, int width, int height) throws IOException {
        BufferedImage image = image(width, height);
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }

    /** The PNG's bytes, for a report that stores the figure itself. */
    public byte[] png(int width, int height) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image(width, height), "png", out);
        return out.toByteArray();
    }

    private BufferedImage image(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            draw(g, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    public void writeSvg(Path file, int width, int height) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        draw(g, width, height);
        AtomicFiles.writeString(file, g.getSVGDocument());
    }

    /** Draws the whole figure into {@code g}: a title line, then the four panels in a 2×2 grid. */
    public void draw(Graphics2D g, int width, int height) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title(), 12, 24);
        double w = width / 2.0;
        double h = (height - TITLE_HEIGHT) / 2.0;
        for (int i = 0; i < PANELS.length; i++) {
            panel(PANELS[i]).draw(g, new Rectangle2D.Double((i % 2) * w, TITLE_HEIGHT + (i / 2) * h, w, h));
        }
    }

    String title() {
        return results.spec().name() + ": mean over repeats, band " + band.label() + " ("
                + results.repeats().size() + " runs)";
    }

    /** One panel on its own, e.g. for the window. */
    public JFreeChart panel(CurveKind kind) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        List<ArmSummary> arms = results.arms();
        for (ArmSummary arm : arms) {
            YIntervalSeries series = new YIntervalSeries(arm.arm() + " (n=" + arm.finished() + ")");
            for (CurveBand b : arm.curves().get(kind)) {
                series.add(b.epoch(), b.mean(), band.low(b), band.high(b));
            }
            data.addSeries(series);
        }
        // a curve of one epoch is a single point: without a marker it would not show at all
        boolean onePoint = arms.stream().anyMatch(a -> a.curves().get(kind).size() == 1);
        DeviationRenderer renderer = new DeviationRenderer(true, onePoint);
        renderer.setAlpha(0.18f);
        for (int i = 0; i < arms.size(); i++) {
            Color c = PALETTE[i % PALETTE.length];
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesFillPaint(i, c);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochs.setAutoRangeIncludesZero(false); // epochs count from 1
        NumberAxis values = new NumberAxis(kind.isAccuracy() ? "accuracy" : "loss");
        values.setAutoRangeIncludesZero(false);
        if (kind.isAccuracy()) {
            values.setRange(0, 1.0);
        }
        XYPlot plot = new XYPlot(data, epochs, values, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setTitle(new TextTitle(capitalise(kind.label()), new Font(Font.SANS_SERIF, Font.BOLD, 13)));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        return chart;
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
