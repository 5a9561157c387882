package org.prospect.app.charts;

import java.util.Arrays;

/**
 * Minimum and maximum of the values drawn on one axis over the recent past, in buckets of simulated
 * time, so that the axis can follow what is currently in the rolling window (including shrinking once a
 * transient has scrolled out) without scanning the data sets. Feeder thread only; allocates nothing.
 */
final class RangeTracker {
    static final double BUCKET = 0.25;
    private static final int BUCKETS = 512; // 128 time units: more than the longest window
    private final long[] index = new long[BUCKETS];
    private final double[] min = new double[BUCKETS];
    private final double[] max = new double[BUCKETS];
    private final boolean positiveOnly;

    RangeTracker(boolean positiveOnly) {
        this.positiveOnly = positiveOnly;
        clear();
    }

    void clear() {
        Arrays.fill(index, Long.MIN_VALUE);
    }

    void add(double t, double v) {
        if (!Double.isFinite(v) || (positiveOnly && !(v > 0))) return;
        long i = (long) Math.floor(t / BUCKET);
        int b = (int) Math.floorMod(i, (long) BUCKETS);
        if (index[b] != i) {
            index[b] = i;
            min[b] = v;
            max[b] = v;
        } else {
            if (v < min[b]) min[b] = v;
            if (v > max[b]) max[b] = v;
        }
    }

    /** Writes {min, max} over [from, to] into out at offset; NaN when nothing was seen there. */
    void range(double from, double to, double[] out, int offset) {
        long lo = (long) Math.floor(from / BUCKET);
        long hi = (long) Math.floor(to / BUCKET);
        double a = Double.POSITIVE_INFINITY;
        double b = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < BUCKETS; k++) {
            if (index[k] >= lo && index[k] <= hi) {
                a = Math.min(a, min[k]);
                b = Math.max(b, max[k]);
            }
        }
        out[offset] = a <= b ? a : Double.NaN;
        out[offset + 1] = a <= b ? b : Double.NaN;
    }
}
