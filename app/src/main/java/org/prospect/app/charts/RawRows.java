package org.prospect.app.charts;

/**
 * The newest rows of one trace as the feeder drained them, every one, for exporting the rolling window at every
 * step although the charts draw only two points per pixel column. A ring of preallocated columns: the feeder appends
 * (no allocation), an export copies a time range out; both under this object's lock, which the feeder holds for
 * one chunk at a time.
 */
final class RawRows {
    private final int capacity;
    private final double[] time;
    private final double[][] columns;
    private long written;

    RawRows(int channels, int capacity) {
        this.capacity = capacity;
        time = new double[capacity];
        columns = new double[channels][capacity];
    }

    int capacity() { return capacity; }

    /** Feeder: appends rows [from, to) of a drained chunk. */
    synchronized void append(double[] chunkTime, double[][] chunk, int from, int to) {
        for (int k = from; k < to; k++) {
            int slot = (int) (written % capacity);
            time[slot] = chunkTime[k];
            for (int c = 0; c < columns.length; c++) columns[c][slot] = chunk[c][k];
            written++;
        }
    }

    /** Feeder: forgets every row (the run was reset). */
    synchronized void clear() {
        written = 0;
    }

    /** Time of the oldest row kept; +∞ when none. */
    synchronized double oldestTime() {
        if (written == 0) return Double.POSITIVE_INFINITY;
        return time[(int) (Math.max(0, written - capacity) % capacity)];
    }

    /** The rows kept whose time lies in [from, to]: {time, column 0, column 1, …}, each of the same length. */
    synchronized double[][] range(double from, double to) {
        long first = Math.max(0, written - capacity);
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
