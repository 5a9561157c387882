package org.prospect.app.charts;

import io.fair_acc.dataset.AxisDescription;
import io.fair_acc.dataset.spi.CircularDoubleErrorDataSet;

/**
 * The points of one chart line, in time order. ChartFX recomputes a data set's limits after every change by scanning
 * all of its points and errors on the FX thread (with lines of thousands of points, the largest item of the FX
 * thread's profile); the dashboard's axes never range automatically, so the limits here are bounds kept as the
 * points come: x from the first and last point, y the extremes added since the last reset (older points pushed out
 * of the ring may still count).
 */
final class LinePoints extends CircularDoubleErrorDataSet {
    private double lowest = Double.POSITIVE_INFINITY;
    private double highest = Double.NEGATIVE_INFINITY;

    LinePoints(String name, int capacity) {
        super(name, capacity);
    }

    @Override
    public CircularDoubleErrorDataSet add(double[] x, double[] y, double[] errorNegative, double[] errorPositive, int n) {
        for (int k = 0; k < n; k++) {
            double v = y[k];
            if (v < lowest) lowest = v; // NaN compares false: breaks in the line do not count
            if (v > highest) highest = v;
        }
        return super.add(x, y, errorNegative, errorPositive, n);
    }

    @Override
    public CircularDoubleErrorDataSet reset() {
        lowest = Double.POSITIVE_INFINITY;
        highest = Double.NEGATIVE_INFINITY;
        return super.reset();
    }

    @Override
    public CircularDoubleErrorDataSet recomputeLimits(int dimension) {
        AxisDescription limits = getAxisDescription(dimension);
        int n = getDataCount();
        if (dimension == DIM_X && n > 0) {
            limits.set(get(DIM_X, 0), get(DIM_X, n - 1));
        } else if (dimension == DIM_Y && lowest <= highest) {
            limits.set(lowest, highest);
        } else {
            limits.clear();
        }
        return this;
    }
}
