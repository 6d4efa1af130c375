package org.transferworkbench.ui.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A JFreeChart line chart in a {@link ChartViewer}: named series, and an optional vertical marker (the best
 * epoch). JFreeChart styles with AWT colours, not CSS; they are kept in {@link ChartColors}.
 */
public final class LineChartPane {
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final boolean shapes;
    private ValueMarker marker;

    public LineChartPane(String title, String xLabel, String yLabel, String id, boolean shapes) {
        this.shapes = shapes;
        chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, true,
                false);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        chart.setBackgroundPaint(ChartColors.BACKGROUND);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(ChartColors.PLOT);
        plot.setDomainGridlinePaint(ChartColors.GRID);
        plot.setRangeGridlinePaint(ChartColors.GRID);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, shapes);
        plot.setRenderer(renderer);
        viewer = new ChartViewer(chart);
        viewer.setId(id);
        viewer.getStyleClass().add("chart-viewer");
        viewer.setMinSize(200, 160);
        viewer.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
    }

    /** The series with this name, created (with the next palette colour) when missing. */
    public XYSeries series(String name) {
        int index = data.getSeriesIndex(name);
        if (index >= 0) {
            return data.getSeries(index);
        }
        XYSeries series = new XYSeries(name, true, true);
        data.addSeries(series);
        int i = data.getSeriesCount() - 1;
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        r.setSeriesPaint(i, ChartColors.PALETTE[i % ChartColors.PALETTE.length]);
        r.setSeriesStroke(i, new BasicStroke(2f));
        r.setSeriesShapesVisible(i, shapes);
        return series;
    }

    public void removeAllSeries() {
        data.removeAllSeries();
    }

    /** A vertical line at {@code x}; NaN removes it. */
    public void markX(double x, String label) {
        XYPlot plot = chart.getXYPlot();
        if (marker != null) {
            plot.removeDomainMarker(marker);
            marker = null;
        }
        if (!Double.isNaN(x)) {
            marker = new ValueMarker(x, ChartColors.MARKER, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
            marker.setLabel(label);
            marker.setLabelPaint(ChartColors.MARKER);
            // left of the line, inside the plot: at the last epoch a label to the right would be cut off
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_RIGHT);
            marker.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(6, 6, 6, 6));
            plot.addDomainMarker(marker);
        }
    }

    public int itemCount() {
        int n = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            n += data.getSeries(s).getItemCount();
        }
        return n;
    }

    public ChartViewer node() {
        return viewer;
    }

    /** Colours of the charts, the one place besides workbench.css that names colours. */
    static final class ChartColors {
        static final Color BACKGROUND = new Color(0xFA, 0xFB, 0xFC);
        static final Color PLOT = Color.WHITE;
        static final Color GRID = new Color(0xDD, 0xE1, 0xE6);
        static final Color MARKER = new Color(0x2E, 0x7D, 0x32);
        static final Color[] PALETTE = {new Color(0x1F, 0x77, 0xB4), new Color(0xFF, 0x7F, 0x0E),
            new Color(0x2C, 0xA0, 0x2C), new Color(0xD6, 0x27, 0x28), new Color(0x94, 0x67, 0xBD),
            new Color(0x8C, 0x56, 0x4B), new Color(0xE3, 0x77, 0xC2), new Color(0x7F, 0x7F, 0x7F)};

        private ChartColors() {
        }
    }
}
