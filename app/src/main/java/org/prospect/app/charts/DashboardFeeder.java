package org.prospect.app.charts;

import java.util.List;
import org.prospect.engine.trace.DashboardProbe;
import org.prospect.engine.trace.TraceBuffer;

/**
 * The dashboard traces' single consumer: a daemon thread that drains the probe's traces up to 60 times a
 * second, adds the new rows to every chart's lines in bulk (never from the FX thread) and works out each
 * axis' range over the rolling window for the FX thread to apply. Per drain it touches at most one
 * line-capacity of rows per line, however fast the simulation runs; it allocates only the small range arrays.
 * Its thread is a {@link PacedFeed}, paced by the FX thread's pulses.
 */
public final class DashboardFeeder implements AutoCloseable {
    private final DashboardProbe probe;
    private final List<TimeChart> charts;
    private final PacedFeed pacedFeed;
    private final Part main;
    private final Part lambda;
    private final double[] xs;
    private final double[] ys;
    private final double[] zeros;
    private volatile double latestTime;
    private volatile double window;
    private volatile long drains;

    /** One trace and the time of its last row (a step back in time means the run was reset). */
    private static final class Part {
        final TraceBuffer trace;
        final TimeChart.Source source;
        final double[] time;
        final double[][] columns;
        double last = Double.NEGATIVE_INFINITY;

        Part(TraceBuffer trace, TimeChart.Source source) {
            this.trace = trace;
            this.source = source;
            time = new double[trace.capacity()];
            columns = new double[trace.channels()][trace.capacity()];
        }
    }

    /**
     * @param lineCapacity points each chart line keeps
     * @param window       initial rolling window, in time units
     */
    public DashboardFeeder(DashboardProbe probe, List<TimeChart> charts, int lineCapacity, double window) {
        this.probe = probe;
        this.charts = List.copyOf(charts);
        this.window = window;
        main = new Part(probe.trace(), TimeChart.Source.MAIN);
        lambda = new Part(probe.lambdaTrace(), TimeChart.Source.LAMBDA);
        xs = new double[lineCapacity];
        ys = new double[lineCapacity];
        zeros = new double[lineCapacity];
        pacedFeed = new PacedFeed("prospect-dashboard-feeder", this::feed);
    }

    public void start() { pacedFeed.start(); }

    /** The rolling window in time units (any thread). */
    public void setWindow(double timeUnits) { window = timeUnits; }

    public double window() { return window; }

    /** Simulated time of the newest row drawn (any thread). */
    public double latestTime() { return latestTime; }

    /** Drains done so far (any thread), for tests that wait for data. */
    public long drains() { return drains; }

    /** FX thread, once per pulse: the painter has caught up with the drains before this pulse; the next may come. */
    public void frameShown() { pacedFeed.frameShown(); }

    /** One drain of both traces. */
    void feed() {
        for (TimeChart c : charts) c.applyStyle();
        boolean reset = drainInto(main);
        if (drainInto(lambda)) reset = true;
        double t = main.last;
        if (Double.isFinite(t)) latestTime = t;
        double w = window;
        for (TimeChart c : charts) {
            double[] r = new double[2 * c.axes()];
            for (int a = 0; a < c.axes(); a++) c.trackers[a].range(t - w, t, r, 2 * a);
            c.ranges = r;
        }
        drains++;
    }

    /** Adds the part's new rows to the lines fed from it; true when it found a reset. */
    private boolean drainInto(Part p) {
        int n = p.trace.drain(p.time, p.columns);
        if (n == 0) return false;
        int start = 0;
        boolean reset = false;
        for (int k = 0; k < n; k++) {
            if (p.time[k] < p.last) {
                // Rows before k are the tail of the old run: drop them and clear what this part feeds.
                start = k;
                reset = true;
                for (TimeChart c : charts) {
                    for (TimeChart.Series s : c.series()) if (s.source == p.source) s.data.reset();
                    if (p.source == TimeChart.Source.MAIN) for (RangeTracker tr : c.trackers) tr.clear();
                }
            }
            p.last = p.time[k];
        }
        // Older rows would be pushed out of the lines' circular buffers at once anyway.
        start = Math.max(start, n - xs.length);
        for (TimeChart c : charts) {
            TimeChart.Series[] series = c.series();
            for (TimeChart.Series s : series) {
                if (s.source != p.source) continue;
                int from = start;
                if (s.slot) {
                    // Rows are in generation order: skip those taken for an earlier selection.
                    double[] gen = p.columns[0];
                    while (from < n && gen[from] < s.generation) from++;
                }
                int m = 0;
                double[] column = p.columns[s.channel];
                RangeTracker tracker = c.trackers[s.axis];
                boolean log = c.scale(s.axis) == TimeChart.Scale.LOG;
                for (int k = from; k < n; k++) {
                    if (s.slot && p.columns[0][k] != s.generation) continue;
                    double v = column[k];
                    if (log && !(v > 0)) v = Double.NaN; // a log axis cannot draw 0
                    xs[m] = p.time[k];
                    ys[m] = v;
                    tracker.add(p.time[k], v);
                    m++;
                }
                if (m > 0) s.data.add(xs, ys, zeros, zeros, m);
            }
        }
        return reset;
    }

    @Override
    public void close() {
        pacedFeed.close();
    }
}
