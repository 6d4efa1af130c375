package org.transferworkbench.report.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.transferworkbench.engine.training.EpochMetrics;

/**
 * A training curve (training and validation per epoch) as a PNG, drawn off-screen with JFreeChart and AWT; works
 * headless, so the command line can make the same figures as the window.
 */
public final class CurveFigure {
    static final int WIDTH = 900;
    static final int HEIGHT = 520;

    private CurveFigure() {
    }

    /**
     * @param bestEpoch the epoch whose model was kept, marked with a vertical line; 0 or less for none
     */
    public static byte[] png(String title, String yLabel, List<EpochMetrics> epochs,
                             ToDoubleFunction<EpochMetrics> train, ToDoubleFunction<EpochMetrics> validation,
                             int bestEpoch) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("training", epochs, train));
        data.addSeries(series("validation", epochs, validation));
        JFreeChart chart = ChartFactory.createXYLineChart(title, "epoch", yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xE1, 0xE8));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xE1, 0xE8));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, epochs.size() <= 40);
        renderer.setSeriesPaint(0, new Color(0x1F, 0x77, 0xB4));
        renderer.setSeriesPaint(1, new Color(0xD6, 0x27, 0x28));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        plot.setRenderer(renderer);
        NumberAxis epochAxis = (NumberAxis) plot.getDomainAxis();
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        if (bestEpoch > 0) {
            ValueMarker best = new ValueMarker(bestEpoch, Color.GRAY, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            best.setLabel("best epoch " + bestEpoch);
            best.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            best.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            // right of the line, unless the best epoch is near the end, where the label would be cut off
            boolean nearEnd = !epochs.isEmpty() && bestEpoch > epochs.get(epochs.size() - 1).epoch() * 0.7;
            best.setLabelAnchor(nearEnd ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            best.setLabelTextAnchor(nearEnd ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            plot.addDomainMarker(best);
        }
        return encode(chart);
    }

    private static XYSeries series(String name, List<EpochMetrics> epochs, ToDoubleFunction<EpochMetrics> value) {
        XYSeries s = new XYSeries(name);
        for (EpochMetrics m : epochs) {
            double v = value.applyAsDouble(m);
            if (Double.isFinite(v)) {
                s.add(m.epoch(), v);
            }
        }
        return s;
    }

    static byte[] encode(JFreeChart chart) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw the chart '" + chart.getTitle().getText() + "'", e);
        }
    }
}
