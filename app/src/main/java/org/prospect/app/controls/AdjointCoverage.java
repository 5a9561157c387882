package org.prospect.app.controls;

/**
 * The share of the exact adjoint's windows computed between two readings of its counters (see
 * {@code SlidingAdjoint.computations()} and {@code skipped()}), for the status bar.
 */
public final class AdjointCoverage {
    private Object source;
    private long computed;
    private long skipped;

    /**
     * The share computed since the last reading of the same source; NaN for a new source (an experiment opened
     * or reset) or when no window completed in between.
     */
    public double update(Object source, long computedNow, long skippedNow) {
        boolean same = source != null && source == this.source;
        long c = computedNow - computed;
        long s = skippedNow - skipped;
        this.source = source;
        computed = computedNow;
        skipped = skippedNow;
        if (!same || c + s <= 0) return Double.NaN;
        return (double) c / (c + s);
    }
}
