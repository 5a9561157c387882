package org.prospect.app.views;

import org.prospect.engine.trace.TraceBuffer;

/**
 * The single consumer of an extra view's traces: a daemon thread that runs the view's drain about 30 times a
 * second (bulk adds into ChartFX data sets, never on the FX thread).
 */
final class ViewFeeder implements AutoCloseable {
    private static final long PERIOD_MILLIS = 33;
    private final Thread thread;
    private final Runnable feed;
    private volatile boolean closed;
    private volatile long drains;

    ViewFeeder(String name, Runnable feed) {
        this.feed = feed;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
    }

    void start() { thread.start(); }

    long drains() { return drains; }

    private void loop() {
        while (!closed) {
            try {
                feed.run();
                drains++;
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
