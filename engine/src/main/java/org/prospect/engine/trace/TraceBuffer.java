package org.prospect.engine.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A preallocated ring of rows (time + a fixed number of channels) between exactly one producer (the
 * simulation thread) and one consumer (the chart feeder). Lock-free: the producer never waits for the
 * consumer, because a slow display must not slow the simulation. When the consumer falls behind, the
 * producer overwrites the oldest rows and the consumer counts them as dropped.
 *
 * <p>Consistency without locks works like a seqlock: the producer announces a row ({@code claimed})
 * before filling it and publishes it ({@code written}) after. The consumer copies published rows, then
 * re-reads {@code claimed} to find out which of the rows it copied may have been overwritten meanwhile,
 * and discards those.
 */
public final class TraceBuffer {
    private static final VarHandle WRITTEN;
    private static final VarHandle CLAIMED;

    static {
        try {
            WRITTEN = MethodHandles.lookup().findVarHandle(TraceBuffer.class, "written", long.class);
            CLAIMED = MethodHandles.lookup().findVarHandle(TraceBuffer.class, "claimed", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int channels;
    private final int capacity;
    private final int stride;
    private final double[] rows;

    /** Rows published so far; written only by the producer. Accessed through {@link #WRITTEN}. */
    @SuppressWarnings("unused")
    private volatile long written;
    /** Rows the producer has started to write: {@code written}, or one more while a row is half written. */
    @SuppressWarnings("unused")
    private volatile long claimed;

    /** Consumer-side state: the next row to deliver, and how many rows it never got to see. */
    private long read;
    private volatile long dropped;

    /**
     * @param channels values per row besides the time
     * @param capacity rows kept before the oldest are overwritten
     */
    public TraceBuffer(int channels, int capacity) {
        if (channels < 0) throw new IllegalArgumentException("channels must not be negative");
        if (capacity < 2) throw new IllegalArgumentException("capacity must be at least 2");
        this.channels = channels;
        this.capacity = capacity;
        this.stride = channels + 1;
        this.rows = new double[Math.multiplyExact(capacity, stride)];
    }

    public int channels() { return channels; }

    public int capacity() { return capacity; }

    /**
     * Producer only: appends one row, copying {@code values[0..channels)}. Allocates nothing.
     */
    public void write(double time, double[] values) {
        long n = (long) WRITTEN.getOpaque(this);
        CLAIMED.setOpaque(this, n + 1);
        // Orders the claim before this row's stores, so a consumer that sees any of them also sees
        // that row n is under way (the seqlock's "writer entered" edge).
        VarHandle.storeStoreFence();
        int base = (int) (n % capacity) * stride;
        rows[base] = time;
        System.arraycopy(values, 0, rows, base + 1, channels);
        WRITTEN.setRelease(this, n + 1);
    }

    /** Rows written so far by the producer (any thread). */
    public long written() { return (long) WRITTEN.getAcquire(this); }

    /** Rows the consumer lost because the producer overwrote them first (any thread). */
    public long dropped() { return dropped; }

    /**
     * Consumer only: copies the oldest undelivered rows, in order, into {@code time[k]} and
     * {@code columns[c][k]}, at most {@code time.length} of them, and returns how many it copied.
     * Every column array must be at least as long as {@code time}.
     */
    public int drain(double[] time, double[][] columns) {
        return drain(time, columns, 0, time.length);
    }

    /**
     * Consumer only: like {@link #drain(double[], double[][])}, into indices {@code offset, offset + 1, …} of the
     * arrays, at most {@code max} rows (a consumer that keeps rows in a ring of its own drains into it directly).
     */
    public int drain(double[] time, double[][] columns, int offset, int max) {
        long available = (long) WRITTEN.getAcquire(this);
        long from = Math.max(read, available - capacity);
        long to = Math.min(available, from + max);
        for (long i = from; i < to; i++) {
            int base = (int) (i % capacity) * stride;
            int k = offset + (int) (i - from);
            time[k] = rows[base];
            for (int c = 0; c < channels; c++) columns[c][k] = rows[base + 1 + c];
        }
        VarHandle.loadLoadFence();
        // Rows the producer has claimed since reuse the slots of rows up to claimed − 1 − capacity:
        // those may be torn and are discarded.
        long claimedNow = (long) CLAIMED.getAcquire(this);
        long firstIntact = Math.max(from, claimedNow - capacity);
        int copied = (int) (to - from);
        int torn = (int) Math.min(copied, Math.max(0, firstIntact - from));
        if (torn > 0) {
            int kept = copied - torn;
            System.arraycopy(time, offset + torn, time, offset, kept);
            for (int c = 0; c < channels; c++) System.arraycopy(columns[c], offset + torn, columns[c], offset, kept);
        }
        long lost = (from - read) + torn;
        if (lost > 0) dropped += lost;
        read = to;
        return copied - torn;
    }

    /** Consumer only: forgets every undelivered row without counting it as dropped. */
    public void skipToEnd() {
        read = (long) WRITTEN.getAcquire(this);
    }
}
