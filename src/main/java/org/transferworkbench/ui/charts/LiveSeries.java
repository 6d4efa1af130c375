package org.transferworkbench.ui.charts;

import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.jfree.data.xy.XYSeries;

/**
 * Mirrors an observable list into a chart series. Appended items are added with notification off and the chart
 * is told once per change, so a drain of many points repaints once.
 */
public final class LiveSeries {

    private LiveSeries() {
    }

    public static <T> void bind(ObservableList<T> source, XYSeries series, ToDoubleFunction<T> x,
                                ToDoubleFunction<T> y) {
        replace(series, source, x, y);
        source.addListener((ListChangeListener<T>) change -> {
            boolean onlyAdded = true;
            while (change.next()) {
                if (change.wasRemoved() || change.wasReplaced() || change.wasPermutated() || change.wasUpdated()) {
                    onlyAdded = false;
                } else if (change.wasAdded()) {
                    append(series, change.getAddedSubList(), x, y);
                }
            }
            if (onlyAdded) {
                series.fireSeriesChanged();
            } else {
                replace(series, source, x, y);
            }
        });
    }

    private static <T> void append(XYSeries series, List<? extends T> items, ToDoubleFunction<T> x,
                                   ToDoubleFunction<T> y) {
        for (T item : items) {
            double v = y.applyAsDouble(item);
            series.add(x.applyAsDouble(item), Double.isFinite(v) ? v : null, false);
        }
    }

    public static <T> void replace(XYSeries series, List<? extends T> items, ToDoubleFunction<T> x,
                                   ToDoubleFunction<T> y) {
        series.setNotify(false);
        series.clear();
        append(series, items, x, y);
        series.setNotify(true);
    }
}
