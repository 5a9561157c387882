package org.prospect.app.charts;

import io.fair_acc.dataset.spi.CircularDoubleErrorDataSet;
import java.util.List;
import javafx.application.Platform;
import org.prospect.engine.trace.TraceBuffer;

/**
 * The trace's single consumer: a daemon thread that drains the trace about 60 times a second and adds
 * the new rows to the chart's data sets in bulk. It keeps that work off the FX thread, which then only
 * paints (adding from the FX thread deadlocked ChartFX 11.3 on these machines).
 */
public final class TraceFeeder implements AutoCloseable {
    private static final long PERIOD_MILLIS = 16;

    private final TraceBuffer trace;
    private final SignalChart chart;
    private final Thread thread;
    // Preallocated for the largest possible drain, so a frame allocates nothing here.
    private final double[] time;
    private final double[][] columns;
    private final double[] zeros;
    private double lastTime = Double.NEGATIVE_INFINITY;
    // The value range shown so far: it only grows (until a reset), so the scale holds still.
    private double shownMin = Double.POSITIVE_INFINITY;
    private double shownMax = Double.NEGATIVE_INFINITY;
    private volatile boolean closed;

    public TraceFeeder(TraceBuffer trace, SignalChart chart) {
        this.trace = trace;
        this.chart = chart;
        int rows = trace.capacity();
        time = new double[rows];
        columns = new double[trace.channels()][rows];
        zeros = new double[rows];
        thread = new Thread(this::loop, "prospect-chart-feeder");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void loop() {
        while (!closed) {
            feed();
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One drain: new rows go to the data sets; a step back in time (a reset) clears them first. */
    void feed() {
        int n = trace.drain(time, columns);
        int start = 0;
        for (int k = 0; k < n; k++) {
            if (time[k] < lastTime) {
                append(start, k - start);
                for (CircularDoubleErrorDataSet s : chart.series()) s.reset();
                shownMin = Double.POSITIVE_INFINITY;
                shownMax = Double.NEGATIVE_INFINITY;
                start = k;
            }
            lastTime = time[k];
        }
        append(start, n - start);
        if (n > 0) growValueRange(start, n);
    }

    private void growValueRange(int from, int to) {
        double min = shownMin;
        double max = shownMax;
        for (int s = 0; s < chart.series().size(); s++) {
            double[] column = columns[chart.channel(s)];
            for (int k = from; k < to; k++) {
                double v = column[k];
                if (v < min) min = v;
                if (v > max) max = v;
            }
        }
        if (!Double.isFinite(min) || !Double.isFinite(max)) return; // a diverged run is paused and bannered
        if (min < shownMin || max > shownMax) {
            shownMin = min;
            shownMax = max;
            double lo = min;
            double hi = max;
            // Axes are scene-graph nodes: they change on the FX thread (rarely: only when the range grows).
            Platform.runLater(() -> chart.showValueRange(lo, hi));
        }
    }

    private void append(int from, int count) {
        if (count <= 0) return;
        List<CircularDoubleErrorDataSet> series = chart.series();
        double[] x = from == 0 ? time : java.util.Arrays.copyOfRange(time, from, from + count);
        for (int s = 0; s < series.size(); s++) {
            double[] column = columns[chart.channel(s)];
            double[] y = from == 0 ? column : java.util.Arrays.copyOfRange(column, from, from + count);
            series.get(s).add(x, y, zeros, zeros, count);
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
