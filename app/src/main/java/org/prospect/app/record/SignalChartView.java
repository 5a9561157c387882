package org.prospect.app.record;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.CircularDoubleErrorDataSet;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.layout.Region;
import org.prospect.app.charts.SignalChart;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.trace.Probe;

/**
 * The signal chart (input, target, output) fed straight from a recorder's simulation instead of the live
 * trace: rows are collected after each step at the window's trace resolution, and added in bulk before
 * each frame. The value axis grows like the window's (never shrinks), so the scale holds still.
 */
final class SignalChartView implements RecordableView {
    /** As in the main window: a rolling window of 20 time units at 100 rows per time unit. */
    static final int WINDOW_TIME_UNITS = 20;
    static final int ROWS_PER_TIME_UNIT = 100;

    private final SignalChart chart;
    private final Probe probe;
    private final CircularDoubleErrorDataSet[] series;
    private final int[] channels;
    private final long decimation;
    private final int capacity;
    // Rows collected since the last flush, as a ring holding the newest `capacity` rows.
    private final double[] row;
    private final double[] ringTime;
    private final double[][] ring;
    private int head;
    private int pending;
    // Contiguous copies for the bulk add.
    private final double[] x;
    private final double[] y;
    private final double[] zeros;
    private double shownMin = Double.POSITIVE_INFINITY;
    private double shownMax = Double.NEGATIVE_INFINITY;

    SignalChartView(GleSimulation simulation) {
        probe = Probe.signals(simulation.experiment().network());
        capacity = WINDOW_TIME_UNITS * ROWS_PER_TIME_UNIT;
        chart = new SignalChart(probe, capacity);
        double dt = simulation.experiment().dynamics().dt();
        decimation = Math.max(1, (long) Math.ceil(1.0 / (dt * ROWS_PER_TIME_UNIT) - 1e-9));
        List<DataSet> sets = chart.node().getRenderers().get(0).getDatasets();
        // SignalChart adds inputs, then targets, then outputs, in probe order.
        int expected = probe.inputs() + 2 * probe.outputs();
        if (sets.size() != expected) {
            throw new IllegalStateException("SignalChart shows " + sets.size() + " series, the recorder expects " + expected);
        }
        series = new CircularDoubleErrorDataSet[expected];
        channels = new int[expected];
        for (int s = 0; s < expected; s++) {
            if (!(sets.get(s) instanceof CircularDoubleErrorDataSet c)) {
                throw new IllegalStateException("SignalChart series " + s + " is a " + sets.get(s).getClass().getSimpleName());
            }
            series[s] = c;
            channels[s] = s < probe.inputs() ? probe.inputChannel(s)
                    : s < probe.inputs() + probe.outputs() ? probe.targetChannel(s - probe.inputs())
                    : probe.outputChannel(s - probe.inputs() - probe.outputs());
        }
        row = new double[probe.channels()];
        ringTime = new double[capacity];
        ring = new double[expected][capacity];
        x = new double[capacity];
        y = new double[capacity];
        zeros = new double[capacity];
    }

    @Override
    public Region node() { return chart.node(); }

    @Override
    public List<XYChart> charts() { return List.of(chart.node()); }

    @Override
    public void afterStep(GleSimulation simulation) {
        if (simulation.stepCount() % decimation != 0) return;
        probe.read(simulation, row);
        ringTime[head] = simulation.time();
        for (int s = 0; s < channels.length; s++) ring[s][head] = row[channels[s]];
        head = (head + 1) % capacity;
        if (pending < capacity) pending++;
    }

    @Override
    public void flush() {
        int n = pending;
        if (n == 0) return;
        int start = (head - n + capacity) % capacity;
        for (int k = 0; k < n; k++) x[k] = ringTime[(start + k) % capacity];
        double min = shownMin;
        double max = shownMax;
        for (int s = 0; s < series.length; s++) {
            double[] column = ring[s];
            for (int k = 0; k < n; k++) {
                double v = column[(start + k) % capacity];
                y[k] = v;
                if (v < min) min = v;
                if (v > max) max = v;
            }
            series[s].add(x, y, zeros, zeros, n);
        }
        pending = 0;
        // The time axis spans the rolling window, at least one time unit: auto-ranged over the first few
        // steps it zoomed in to hundredths and its tick labels ran into each other in the first frames.
        double now = x[n - 1];
        double from = Math.max(0, now - WINDOW_TIME_UNITS);
        double to = Math.max(now, from + 1);
        Axis time = chart.node().getXAxis();
        Platform.runLater(() -> {
            time.setAutoRanging(false);
            time.set(from, to);
        });
        if (Double.isFinite(min) && Double.isFinite(max) && (min < shownMin || max > shownMax)) {
            shownMin = min;
            shownMax = max;
            double margin = 0.05 * Math.max(max - min, 1e-9);
            Axis value = chart.node().getYAxis();
            double lo = min - margin;
            double hi = max + margin;
            // Runs before the frame's pulse: the recorder asks for that pulse after this flush.
            Platform.runLater(() -> {
                value.set(lo, hi);
                chart.node().requestLayout();
            });
        }
    }
}
