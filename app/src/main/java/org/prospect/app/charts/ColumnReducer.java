package org.prospect.app.charts;

/**
 * One line's points reduced to what a pixel column can show: per column of simulated time, the smallest and the
 * largest value, in the order they came. Every step of a run can then be in view (20 000 of them over a 200 τ
 * window) for the cost of two points per pixel: a spike one step wide keeps its full height, which sampling one
 * step per column would miss. Columns are aligned to multiples of their width, so they hold still while the
 * window scrolls.
 *
 * <p>A column is handed on when the next one starts (the newest column is drawn up to one column late). A NaN
 * value, or a jump in time of more than {@link #GAP_SPACINGS} times the last spacing between points and more than
 * two columns (a window the exact adjoint skipped, rows the feeder lost), ends the line with a NaN point so that
 * nothing is drawn across the gap. Feeder thread only; allocates nothing.
 */
final class ColumnReducer {
    /** A jump in time of more than this many of the last spacings between points is a gap in the data. */
    static final double GAP_SPACINGS = 4;

    private double width = Double.NaN;
    private long column = Long.MIN_VALUE;
    private boolean open;
    private double firstT;
    private double firstV;
    private double secondT;
    private double secondV;
    private double lastT = Double.NaN;
    private double spacing = Double.NaN;
    private boolean broken = true;

    /** Simulated time per column from the next column on (the open one keeps its own). */
    void setColumnWidth(double width) {
        if (!(width > 0)) throw new IllegalArgumentException("column width must be positive: " + width);
        this.width = width;
        spacing = Double.NaN; // a new window changes the rows' spacing too: that is no gap
    }

    double columnWidth() { return width; }

    /** Forgets everything seen (a reset of the run, a new selection). */
    void clear() {
        open = false;
        column = Long.MIN_VALUE;
        lastT = Double.NaN;
        spacing = Double.NaN;
        broken = true;
    }

    /**
     * Takes the point (t, v), times not decreasing, and writes the points it completes to xs/ys from index m;
     * returns the new end (at most 3 points are written per call).
     */
    int add(double t, double v, double[] xs, double[] ys, int m) {
        double gapAt = Double.NaN;
        if (!Double.isNaN(lastT)) {
            double step = t - lastT;
            // Only jumps that leave pixel columns empty: a coarser row stride after the window widened never does.
            if (!Double.isNaN(spacing) && step > GAP_SPACINGS * spacing && step > 2 * width) gapAt = 0.5 * (lastT + t);
            spacing = step > 0 ? step : spacing;
        }
        lastT = t;
        if (Double.isNaN(v)) {
            m = flush(xs, ys, m);
            return breakLine(t, xs, ys, m);
        }
        if (!Double.isNaN(gapAt)) {
            m = flush(xs, ys, m);
            m = breakLine(gapAt, xs, ys, m);
            spacing = Double.NaN;
        }
        long c = (long) Math.floor(t / width);
        if (open && c != column) m = flush(xs, ys, m);
        if (!open) {
            open = true;
            column = c;
            firstT = t;
            firstV = v;
            secondT = Double.NaN;
            secondV = Double.NaN;
        } else if (Double.isNaN(secondV)) {
            if (v != firstV) {
                secondT = t;
                secondV = v;
            }
        } else {
            // (first, second) are the column's lowest and highest point in time order; a new extreme replaces one.
            double lo = Math.min(firstV, secondV);
            double hi = Math.max(firstV, secondV);
            if (v < lo) {
                keep(firstV == hi ? firstT : secondT, hi, t, v);
            } else if (v > hi) {
                keep(firstV == lo ? firstT : secondT, lo, t, v);
            }
        }
        broken = false;
        return m;
    }

    /** Keeps the extreme (at, value) and the new extreme (t, v), in time order. */
    private void keep(double at, double value, double t, double v) {
        firstT = at;
        firstV = value;
        secondT = t;
        secondV = v;
    }

    /** Writes the open column's points (one or two), if any. */
    int flush(double[] xs, double[] ys, int m) {
        if (!open) return m;
        open = false;
        xs[m] = firstT;
        ys[m++] = firstV;
        if (!Double.isNaN(secondV)) {
            xs[m] = secondT;
            ys[m++] = secondV;
        }
        return m;
    }

    private int breakLine(double t, double[] xs, double[] ys, int m) {
        if (broken) return m;
        broken = true;
        xs[m] = t;
        ys[m++] = Double.NaN;
        return m;
    }
}
