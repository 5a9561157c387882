package org.prospect.app.charts;

import java.util.ArrayList;
import java.util.Arrays;
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
    /** Rows drained into the ring at a time (a drain goes on while there are more). */
    static final int CHUNK = 4096;
    /** Rows of each trace kept as drained, for exports: more than a window's {@link Dashboard#POINTS_PER_WINDOW}. */
    static final int RAW_ROWS = 32_768;
    private final List<TimeChart> charts;
    private final PacedFeed pacedFeed;
    private final Part main;
    private final Part lambda;
    /** Reduced points on their way into a line's data set, handed on in batches of at most this many. */
    private final double[] xs = new double[3 * CHUNK + 3];
    private final double[] ys = new double[3 * CHUNK + 3];
    private final double[] zeros = new double[3 * CHUNK + 3];
    private volatile double latestTime;
    private volatile double window;
    private volatile long drains;

    /** One trace, the rows drained from it and the time of its last row (a step back in time means a reset). */
    private static final class Part {
        final TraceBuffer trace;
        final TimeChart.Source source;
        final RawRows raw;
        double last = Double.NEGATIVE_INFINITY;

        Part(TraceBuffer trace, TimeChart.Source source) {
            this.trace = trace;
            this.source = source;
            raw = new RawRows(trace.channels(), RAW_ROWS);
        }
    }

    /** @param window initial rolling window, in time units */
    public DashboardFeeder(DashboardProbe probe, List<TimeChart> charts, double window) {
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

    /** FX thread, once per pulse: the painter has caught up with the drains before this pulse; the next may come. */
    public void frameShown() { pacedFeed.frameShown(); }

    /** One drain of both traces. */
    void feed() {
        double w = window;
        for (TimeChart c : charts) {
            c.applyStyle();
            for (RangeTracker tr : c.trackers) tr.setWindow(w);
            if (c.shownZoom != null) continue;
            double width = w / c.columns();
            for (TimeChart.Series s : c.series()) {
                if (s.reducer.columnWidth() != width) s.reducer.setColumnWidth(width);
            }
        }
        long before = main.raw.written();
        boolean reset = drainInto(main);
        if (drainInto(lambda)) reset = true;
        // Nothing new: the run is paused (or slower than a drain). Show the columns still open, so that a paused
        // run's lines reach its last step (a column that goes on later is drawn again from its next rows).
        if (main.raw.written() == before) showOpenColumns();
        for (TimeChart c : charts) {
            double[] zoom = c.zoom;
            TimeChart.Series[] series = c.series();
            if (Arrays.equals(zoom, c.shownZoom) && (zoom == null || series == c.shownSeries)) continue;
            // A zoom into rows no longer kept (the feeder came late at speed max) keeps the lines it has.
            if (zoom == null || main.raw.oldestTime() <= zoom[0]) redraw(c, zoom, w);
            c.shownZoom = zoom;
            c.shownSeries = series;
        }
        double t = main.last;
        if (Double.isFinite(t)) latestTime = t;
        for (TimeChart c : charts) {
            double[] r = new double[2 * c.axes()];
            for (int a = 0; a < c.axes(); a++) c.trackers[a].range(t - w, t, r, 2 * a);
            c.ranges = r;
        }
        drains++;
    }

    private void showOpenColumns() {
        for (TimeChart c : charts) {
            if (c.shownZoom != null) continue;
            for (TimeChart.Series s : c.series()) emit(c, s, s.reducer.flush(xs, ys, 0));
        }
    }

    /** Adds the part's new rows to the lines fed from it; true when it found a reset. */
    private boolean drainInto(Part p) {
        boolean reset = false;
        // At most a trace's worth per drain: at speed max the simulation writes while this runs.
        long budget = p.trace.capacity();
        int n;
        while (budget > 0 && (n = p.raw.drain(p.trace, CHUNK)) > 0) {
            int from = p.raw.lastSlot();
            if (drainChunk(p, from, from + n)) reset = true;
            budget -= n;
        }
        return reset;
    }

    /** Feeds the rows in slots [from, to) of the part's ring to the charts; true when it found a reset. */
    private boolean drainChunk(Part p, int from, int to) {
        double[] time = p.raw.time;
        int start = from;
        boolean reset = false;
        for (int k = from; k < to; k++) {
            if (time[k] < p.last) {
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
                p.raw.resetAt(k);
            }
            p.last = time[k];
        }
        double[][] columns = p.raw.columns;
        for (TimeChart c : charts) {
            if (c.shownZoom != null) continue; // a zoomed chart holds still: its lines were made for the zoom
            for (TimeChart.Series s : c.series()) {
                if (s.source == p.source) reduce(c, s, time, columns[0], columns[s.channel], start, to);
            }
        }
        return reset;
    }

    /** Reduces rows [from, to) of one line (times t, generations gen, values v) into its data set and axis range. */
    private void reduce(TimeChart c, TimeChart.Series s, double[] t, double[] gen, double[] v, int from, int to) {
        boolean log = c.scale(s.axis) == TimeChart.Scale.LOG;
        ColumnReducer reducer = s.reducer;
        int m = 0;
        for (int k = from; k < to; k++) {
            // Slot lines take only rows of their selection's generation.
            if (s.slot && gen[k] != s.generation) continue;
            double value = v[k];
            if (log && !(value > 0)) value = Double.NaN; // a log axis cannot draw 0
            m = reducer.add(t[k], value, xs, ys, m);
            if (m > xs.length - 3) m = emit(c, s, m);
        }
        emit(c, s, m);
    }

    private int emit(TimeChart c, TimeChart.Series s, int m) {
        if (m == 0) return 0;
        RangeTracker tracker = c.trackers[s.axis];
        for (int k = 0; k < m; k++) tracker.add(xs[k], ys[k]);
        s.data.add(xs, ys, zeros, zeros, m);
        return 0;
    }

    /**
     * Redraws a chart's lines from the rows kept: over a zoomed range at that range's resolution (every step
     * visible once the zoom is narrow enough), or, leaving a zoom, over the rolling window.
     */
    private void redraw(TimeChart c, double[] zoom, double window) {
        double to = zoom != null ? zoom[1] : main.last;
        double from = zoom != null ? zoom[0] : to - window;
        // One column beyond each edge, so the lines reach the plot's sides.
        double width = (to - from) / c.columns();
        double[][] mainRows = main.raw.range(from - width, to + width);
        double[][] lambdaRows = lambda.raw.range(from - width, to + width);
        if (zoom == null) for (RangeTracker tr : c.trackers) tr.clear();
        for (TimeChart.Series s : c.series()) {
            s.data.reset();
            s.reducer.clear();
            s.reducer.setColumnWidth(width);
            double[][] rows = s.source == TimeChart.Source.MAIN ? mainRows : lambdaRows;
            reduce(c, s, rows[0], rows[1], rows[1 + s.channel], 0, rows[0].length);
            if (zoom != null) emit(c, s, s.reducer.flush(xs, ys, 0)); // nothing more comes while zoomed
        }
    }

    /**
     * Every line of the charts at every row kept between times {@code from} and {@code to} (any thread): the rows
     * the charts draw reduced to pixel columns. A line following an earlier selection is NaN at rows taken for a
     * later one.
     */
    public List<ExportedLine> lines(double from, double to) {
        double[][] mainRows = main.raw.range(from, to);
        double[][] lambdaRows = lambda.raw.range(from, to);
        List<ExportedLine> lines = new ArrayList<>();
        for (TimeChart c : charts) {
            for (TimeChart.Series s : c.series()) {
                double[][] rows = s.source == TimeChart.Source.MAIN ? mainRows : lambdaRows;
                double[] values = rows[1 + s.channel];
                double[] y = new double[values.length];
                for (int k = 0; k < y.length; k++) {
                    y[k] = s.slot && rows[1][k] != s.generation ? Double.NaN : values[k];
                }
                lines.add(new ExportedLine(c.node().getId(), s.line.name(), rows[0], y));
            }
        }
        return lines;
    }

    @Override
    public void close() {
        pacedFeed.close();
    }
}
