package org.prospect.app.charts;

import java.util.List;
import org.prospect.engine.trace.DashboardProbe;
import org.prospect.engine.trace.TraceBuffer;

/**
 * The dashboard traces' single consumer: a daemon thread that drains the probe's traces up to 60 times a
 * second, reduces every line's new rows to two points per pixel column of its chart ({@link ColumnReducer}: all
 * rows are seen, the smallest and largest value per column drawn), adds those to the charts' lines in bulk (never
 * from the FX thread) and works out each axis' range over the rolling window for the FX thread to apply. What the
 * charts draw per frame is thus bounded by their width, however many rows a window holds. It allocates only the
 * small range arrays. Its thread is a {@link PacedFeed}, paced by the FX thread's pulses.
 */
public final class DashboardFeeder implements AutoCloseable {
    /** Rows drained at a time: the scratch arrays' size, not a limit per drain. */
    static final int CHUNK = 4096;
    private final DashboardProbe probe;
    private final List<TimeChart> charts;
    private final PacedFeed pacedFeed;
    private final Part main;
    private final Part lambda;
    /** Reduced points of one line and one chunk: at most three per row (two for a finished column, one break). */
    private final double[] xs = new double[3 * CHUNK + 3];
    private final double[] ys = new double[3 * CHUNK + 3];
    private final double[] zeros = new double[3 * CHUNK + 3];
    private volatile double latestTime;
    private volatile double window;
    private volatile long drains;
    private volatile long rows;

    /** One trace and the time of its last row (a step back in time means the run was reset). */
    private static final class Part {
        final TraceBuffer trace;
        final TimeChart.Source source;
        final double[] time = new double[CHUNK];
        final double[][] columns;
        double last = Double.NEGATIVE_INFINITY;

        Part(TraceBuffer trace, TimeChart.Source source) {
            this.trace = trace;
            this.source = source;
            columns = new double[trace.channels()][CHUNK];
        }
    }

    /** @param window initial rolling window, in time units */
    public DashboardFeeder(DashboardProbe probe, List<TimeChart> charts, double window) {
        this.probe = probe;
        this.charts = List.copyOf(charts);
        this.window = window;
        main = new Part(probe.trace(), TimeChart.Source.MAIN);
        lambda = new Part(probe.lambdaTrace(), TimeChart.Source.LAMBDA);
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

    /** Trace rows taken in so far, both traces (any thread). */
    public long rows() { return rows; }

    /** FX thread, once per pulse: the painter has caught up with the drains before this pulse; the next may come. */
    public void frameShown() { pacedFeed.frameShown(); }

    /** One drain of both traces. */
    void feed() {
        double w = window;
        for (TimeChart c : charts) {
            c.applyStyle();
            for (RangeTracker tr : c.trackers) tr.setWindow(w);
            double width = w / c.columns();
            for (TimeChart.Series s : c.series()) {
                if (s.reducer.columnWidth() != width) s.reducer.setColumnWidth(width);
            }
        }
        boolean reset = drainInto(main);
        if (drainInto(lambda)) reset = true;
        double t = main.last;
        if (Double.isFinite(t)) latestTime = t;
        for (TimeChart c : charts) {
            double[] r = new double[2 * c.axes()];
            for (int a = 0; a < c.axes(); a++) c.trackers[a].range(t - w, t, r, 2 * a);
            c.ranges = r;
        }
        drains++;
    }

    /** Adds the part's new rows to the lines fed from it; true when it found a reset. */
    private boolean drainInto(Part p) {
        boolean reset = false;
        int n;
        while ((n = p.trace.drain(p.time, p.columns)) > 0) {
            if (drainChunk(p, n)) reset = true;
            rows += n;
            if (n < CHUNK) break;
        }
        return reset;
    }

    private boolean drainChunk(Part p, int n) {
        int start = 0;
        boolean reset = false;
        for (int k = 0; k < n; k++) {
            if (p.time[k] < p.last) {
                // Rows before k are the tail of the old run: drop them and clear what this part feeds.
                start = k;
                reset = true;
                for (TimeChart c : charts) {
                    for (TimeChart.Series s : c.series()) {
                        if (s.source != p.source) continue;
                        s.data.reset();
                        s.reducer.clear();
                    }
                    if (p.source == TimeChart.Source.MAIN) for (RangeTracker tr : c.trackers) tr.clear();
                }
            }
            p.last = p.time[k];
        }
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
                boolean log = c.scale(s.axis) == TimeChart.Scale.LOG;
                ColumnReducer reducer = s.reducer;
                for (int k = from; k < n; k++) {
                    if (s.slot && p.columns[0][k] != s.generation) continue;
                    double v = column[k];
                    if (log && !(v > 0)) v = Double.NaN; // a log axis cannot draw 0
                    m = reducer.add(p.time[k], v, xs, ys, m);
                }
                if (m > 0) {
                    RangeTracker tracker = c.trackers[s.axis];
                    for (int k = 0; k < m; k++) tracker.add(xs[k], ys[k]);
                    s.data.add(xs, ys, zeros, zeros, m);
                }
            }
        }
        return reset;
    }

    @Override
    public void close() {
        pacedFeed.close();
    }
}
