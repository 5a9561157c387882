package org.prospect.app.rnn;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayList;
import java.util.List;
import org.prospect.app.charts.Palette;
import org.prospect.app.charts.TickLabels;

/**
 * A small ChartFX line chart for the RNN dashboard: named lines ({@link DoubleDataSet}s) filled only off the FX
 * thread by the {@link RnnFeeder}, an x axis and a y axis that range automatically or over a fixed interval.
 */
final class Plot {
    private final XYChart chart;
    private final DefaultNumericAxis x;
    private final DefaultNumericAxis y;
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private final List<DoubleDataSet> lines = new ArrayList<>();

    /** {@code yMin < yMax}: fixed y range; otherwise automatic. */
    Plot(String id, String title, String xLabel, String yLabel, double yMin, double yMax) {
        x = axis(xLabel, true);
        x.setSide(Side.BOTTOM);
        y = axis(yLabel, !(yMin < yMax));
        y.setSide(Side.LEFT);
        if (yMin < yMax) y.set(yMin, yMax);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        renderer.setPointReduction(true);
        renderer.setAllowNaNs(true);
        chart = new XYChart(x, y);
        chart.setId(id);
        chart.getStyleClass().add("rnn-chart");
        chart.setAnimated(false);
        chart.setTitle(title);
        chart.setLegendVisible(true);
        chart.getRenderers().setAll(renderer);
        chart.setMinSize(0, 0);
        chart.setPrefSize(400, 280);
    }

    private static DefaultNumericAxis axis(String label, boolean auto) {
        DefaultNumericAxis a = new DefaultNumericAxis(label);
        a.setUnit(null);
        TickLabels.apply(a);
        a.setAnimated(false);
        a.setAutoRanging(auto);
        a.setAutoRangeRounding(false);
        a.setAutoRangePadding(0.05);
        a.setForceZeroInRange(false);
        return a;
    }

    /** Adds a line (FX thread, before the feeder starts); returns its data set. */
    DoubleDataSet line(String name, String colour, int dash) {
        DoubleDataSet d = new DoubleDataSet(name);
        d.setStyle(Palette.style(colour, dash));
        lines.add(d);
        renderer.getDatasets().add(d);
        return d;
    }

    List<DoubleDataSet> lines() { return lines; }

    XYChart node() { return chart; }

    DefaultNumericAxis xAxis() { return x; }

    DefaultNumericAxis yAxis() { return y; }
}
