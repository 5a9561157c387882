package org.prospect.app.charts;

import org.prospect.engine.trace.TraceBuffer;

/**
 * The newest rows of one trace, every one, as the feeder drained them: the charts draw each line reduced to two points
 * per pixel column from these arrays, and exports and zooms read the rows themselves. A ring of preallocated columns
 * that the feeder drains the trace into directly (no copy, no allocation); the feeder's drain and an export's copy
 * take this object's lock, and only the feeder writes.
 */
final class RawRows {
    private final int capacity;
    /** Times and channels of the rows, by slot; the feeder reads the slots it just drained without the lock. */
    final double[] time;
    final double[][] columns;
    /** Rows drained so far; the first row of the current run (a reset drops those before). */
    private long written;
    private long oldest;
    private int lastSlot;
    private int lastCount;

    RawRows(int channels, int capacity) {
        this.capacity = capacity;
        time = new double[capacity];
        columns = new double[channels][capacity];
    }

    /**
     * Feeder: drains at most {@code max} rows of the trace into the next slots (never past the ring's end, so the
     * rows are in slots {@link #lastSlot()} … + n − 1) and returns how many.
     */
    synchronized int drain(TraceBuffer trace, int max) {
        int slot = (int) (written % capacity);
        int n = trace.drain(time, columns, slot, Math.min(max, capacity - slot));
        lastSlot = slot;
        lastCount = n;
        written += n;
        return n;
    }

    /** Rows drained so far (feeder). */
    synchronized long written() { return written; }

    /** Feeder: the first slot of the last drain. */
    int lastSlot() { return lastSlot; }

    /** Feeder: the run was reset at this slot of the last drain; the rows before belong to the old run. */
    synchronized void resetAt(int slot) {
        // The last drain filled slots lastSlot … lastSlot + lastCount − 1 with the newest rows.
        oldest = written - (lastSlot + lastCount - slot);
    }

    /** Time of the oldest row kept; +∞ when none. */
    synchronized double oldestTime() {
        long first = Math.max(oldest, written - capacity);
        return first < written ? time[(int) (first % capacity)] : Double.POSITIVE_INFINITY;
    }

    /** The rows kept whose time lies in [from, to]: {time, column 0, column 1, …}, each of the same length. */
    synchronized double[][] range(double from, double to) {
        long first = Math.max(oldest, written - capacity);
        long lo = written;
        long hi = written;
        for (long i = first; i < written; i++) {
            double t = time[(int) (i % capacity)];
            if (t >= from && lo == written) lo = i;
            if (t <= to) hi = i + 1;
        }
        int n = (int) Math.max(0, hi - lo);
        double[][] out = new double[1 + columns.length][n];
        for (int k = 0; k < n; k++) {
            int slot = (int) ((lo + k) % capacity);
            out[0][k] = time[slot];
            for (int c = 0; c < columns.length; c++) out[1 + c][k] = columns[c][slot];
        }
        return out;
    }
}
