package org.prospect.app.charts;

import java.util.Arrays;

/**
 * Minimum and maximum of the values drawn on one axis over the recent past, in buckets of simulated
 * time, so that the axis can follow what is currently in the rolling window (including shrinking once a
 * transient has scrolled out) without scanning the data sets. Feeder thread only; allocates nothing.
 */
final class RangeTracker {
    /** Buckets per rolling window; they cover two windows, so a window just widened keeps its range. */
    static final int BUCKETS_PER_WINDOW = 256;
    private static final int BUCKETS = 2 * BUCKETS_PER_WINDOW;
    private final long[] index = new long[BUCKETS];
    private final double[] min = new double[BUCKETS];
    private final double[] max = new double[BUCKETS];
    private final long[] oldIndex = new long[BUCKETS];
    private final double[] oldMin = new double[BUCKETS];
    private final double[] oldMax = new double[BUCKETS];
    private final boolean positiveOnly;
    private double bucket = 20.0 / BUCKETS_PER_WINDOW;

    RangeTracker(boolean positiveOnly) {
        this.positiveOnly = positiveOnly;
        clear();
    }

    void clear() {
        Arrays.fill(index, Long.MIN_VALUE);
    }

    /** Re-buckets what was seen for a rolling window of this many time units. */
    void setWindow(double window) {
        double width = window / BUCKETS_PER_WINDOW;
        if (width == bucket) return;
        double old = bucket;
        System.arraycopy(index, 0, oldIndex, 0, BUCKETS);
        System.arraycopy(min, 0, oldMin, 0, BUCKETS);
        System.arraycopy(max, 0, oldMax, 0, BUCKETS);
        clear();
        bucket = width;
        // Oldest first (the ring holds consecutive buckets, so from the oldest's slot on), so that where the new
        // ring is shorter in time the newest buckets stay.
        long oldest = Long.MAX_VALUE;
        for (long i : oldIndex) if (i != Long.MIN_VALUE) oldest = Math.min(oldest, i);
        if (oldest == Long.MAX_VALUE) return;
        int first = (int) Math.floorMod(oldest, (long) BUCKETS);
        for (int j = 0; j < BUCKETS; j++) {
            int k = (first + j) % BUCKETS;
            if (oldIndex[k] == Long.MIN_VALUE) continue;
            // Each old bucket lands in the new bucket of its middle (a finer bucket gets the whole old range).
            double t = (oldIndex[k] + 0.5) * old;
            add(t, oldMin[k]);
            add(t, oldMax[k]);
        }
    }

    void add(double t, double v) {
        if (!Double.isFinite(v) || (positiveOnly && !(v > 0))) return;
        long i = (long) Math.floor(t / bucket);
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
        long lo = (long) Math.floor(from / bucket);
        long hi = (long) Math.floor(to / bucket);
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
