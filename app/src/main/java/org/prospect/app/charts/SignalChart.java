package org.prospect.app.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.CircularDoubleErrorDataSet;
import java.util.ArrayList;
import java.util.List;
import org.prospect.engine.trace.Probe;

/**
 * Input, target and output of batch sample 0 over a rolling window of simulated time. The data sets are
 * circular buffers sized to the window, so the x axis (auto-ranged) always spans the last window.
 * Filled only by a {@link TraceFeeder}, never from the FX thread (ChartFX 11.3 deadlocks then).
 */
public final class SignalChart {
    private final XYChart chart;
    private final DefaultNumericAxis value;
    private final List<CircularDoubleErrorDataSet> series = new ArrayList<>();
    /** For each series, the trace channel it shows. */
    private final int[] channels;

    /**
     * @param windowRows rows that fit in the rolling window (window length × rows per time unit)
     */
    public SignalChart(Probe probe, int windowRows) {
        DefaultNumericAxis time = new DefaultNumericAxis("time (τ units)");
        time.setUnit(null); // the unit is in the name; ChartFX would append an empty "[]"
        TickLabels.apply(time);
        time.setAutoRangeRounding(false);
        time.setAnimated(false);
        value = new DefaultNumericAxis("signal (arb. units)");
        value.setUnit(null);
        TickLabels.apply(value);
        // The value range is set by the feeder (grow-only): ChartFX 11.3 did not re-range this axis as
        // the circular data sets filled, and a steady scale is easier to follow in a lecture anyway.
        value.setAutoRanging(false);
        value.set(-1, 1);
        value.setAnimated(false);

        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < probe.inputs(); i++) {
            series.add(new CircularDoubleErrorDataSet(label("input x", i, probe.inputs()), windowRows));
            shown.add(probe.inputChannel(i));
        }
        for (int i = 0; i < probe.outputs(); i++) {
            series.add(new CircularDoubleErrorDataSet(label("target", i, probe.outputs()), windowRows));
            shown.add(probe.targetChannel(i));
        }
        for (int i = 0; i < probe.outputs(); i++) {
            series.add(new CircularDoubleErrorDataSet(label("output r", i, probe.outputs()), windowRows));
            shown.add(probe.outputChannel(i));
        }
        channels = shown.stream().mapToInt(Integer::intValue).toArray();

        ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
        // Plain thick lines: no error bands (there are none) and no markers (thousands of points).
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        renderer.setPointReduction(true);
        renderer.getDatasets().addAll(series);

        chart = new XYChart(time, value);
        chart.setId("signal-chart");
        chart.getStyleClass().add("signal-chart");
        chart.setAnimated(false);
        chart.setTitle("Student output following its target");
        chart.legendVisibleProperty().set(true);
        chart.getRenderers().setAll(renderer);
    }

    private static String label(String name, int i, int count) {
        return count == 1 ? name : name + i;
    }

    public XYChart node() { return chart; }

    /** Shows values from {@code min} to {@code max} on the value axis, with a margin; FX thread only. */
    void showValueRange(double min, double max) {
        double margin = 0.05 * Math.max(max - min, 1e-9);
        value.set(min - margin, max + margin);
        chart.requestLayout();
    }

    List<CircularDoubleErrorDataSet> series() { return series; }

    /** Trace channel shown by series {@code s}. */
    int channel(int s) { return channels[s]; }
}
