package org.prospect.app.charts;

/**
 * The single consumer of a view's traces: a daemon thread that runs the view's drain up to 60 times a second
 * (bulk adds into ChartFX data sets, never on the FX thread), paced by the FX thread: it drains again only once a
 * pulse has begun since the last drain ({@link #frameShown}), so that when painting is slow, frames are skipped
 * and rows wait in the trace instead of data-set changes piling up faster than the painter shows them.
 */
public final class PacedFeed implements AutoCloseable {
    private static final long PERIOD_MILLIS = 16;
    /** Drains anyway after this long without a pulse (hidden view, stalled pulses), so the traces never overflow. */
    private static final long MAX_WAIT_NANOS = 250_000_000;
    private final Thread thread;
    private final Runnable feed;
    private volatile boolean closed;
    private volatile long drains;
    /** Whether the FX thread has shown a frame since the last drain. */
    private volatile boolean shown = true;

    public PacedFeed(String name, Runnable feed) {
        this.feed = feed;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
    }

    public void start() { thread.start(); }

    /** Drains run so far (any thread), for tests that wait for data. */
    public long drains() { return drains; }

    /** FX thread, once per pulse: the painter has caught up with the drains before this pulse; the next may come. */
    public void frameShown() { shown = true; }

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
                e.printStackTrace(); // a drawing hiccup must not stop the charts for good
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
}
