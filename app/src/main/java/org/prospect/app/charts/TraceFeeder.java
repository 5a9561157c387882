package org.prospect.app.charts;

import io.fair_acc.dataset.spi.CircularDoubleErrorDataSet;
import java.util.List;
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
                start = k;
            }
            lastTime = time[k];
        }
        append(start, n - start);
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
