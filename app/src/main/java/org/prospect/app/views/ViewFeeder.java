package org.prospect.app.views;

import org.prospect.engine.trace.TraceBuffer;

/**
 * The single consumer of an extra view's traces: a daemon thread that runs the view's drain up to 60 times a
 * second (bulk adds into ChartFX data sets, never on the FX thread), paced like the dashboard's feeder: a
 * new drain only once a pulse has begun since the last one ({@link #frameShown}), so that slow painting
 * skips frames instead of falling behind.
 */
final class ViewFeeder implements AutoCloseable {
    private static final long PERIOD_MILLIS = 16;
    /** Drains anyway after this long without a pulse (hidden view), so the traces never overflow. */
    private static final long MAX_WAIT_NANOS = 250_000_000;
    private final Thread thread;
    private final Runnable feed;
    private volatile boolean closed;
    private volatile long drains;
    private volatile boolean shown = true;

    ViewFeeder(String name, Runnable feed) {
        this.feed = feed;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
    }

    void start() { thread.start(); }

    long drains() { return drains; }

    /** FX thread, once per pulse: the painter has caught up with the drains before this pulse. */
    void frameShown() { shown = true; }

    private void loop() {
        long lastFeed = System.nanoTime();
        while (!closed) {
            try {
                long now = System.nanoTime();
                if (shown || now - lastFeed > MAX_WAIT_NANOS) {
                    shown = false;
                    lastFeed = now;
                    feed.run();
                    drains++;
                }
            } catch (RuntimeException e) {
                e.printStackTrace(); // a drawing hiccup must not stop the view for good
            }
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }

    /** Preallocated arrays for draining one trace, and the time of its last row (to notice resets). */
    static final class Drain {
        final TraceBuffer trace;
        final double[] time;
        final double[][] columns;
        double last = Double.NEGATIVE_INFINITY;
        int count;
        /** Whether the last drain found the time going back (a reset); rows from {@link #start} are new. */
        boolean reset;
        int start;

        Drain(TraceBuffer trace) {
            this.trace = trace;
            time = new double[trace.capacity()];
            columns = new double[trace.channels()][trace.capacity()];
        }

        /** Drains the trace; returns the number of rows, of which those from {@link #start} on are current. */
        int drain() {
            count = trace.drain(time, columns);
            reset = false;
            start = 0;
            for (int k = 0; k < count; k++) {
                if (time[k] < last) {
                    reset = true;
                    start = k;
                }
                last = time[k];
            }
            return count;
        }
    }
}
