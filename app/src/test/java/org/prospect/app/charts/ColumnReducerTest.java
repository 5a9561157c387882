package org.prospect.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A line reduced to pixel columns keeps every column's lowest and highest value, in time order. */
class ColumnReducerTest {
    private static final double DT = 0.01;
    private static final double WIDTH = 0.25; // 25 steps per column

    private final double[] xs = new double[3];
    private final double[] ys = new double[3];
    private final List<double[]> out = new ArrayList<>();
    private final ColumnReducer reducer = new ColumnReducer();

    {
        reducer.setColumnWidth(WIDTH);
    }

    private void add(double t, double v) {
        int m = reducer.add(t, v, xs, ys, 0);
        for (int k = 0; k < m; k++) out.add(new double[] {xs[k], ys[k]});
    }

    private void flush() {
        int m = reducer.flush(xs, ys, 0);
        for (int k = 0; k < m; k++) out.add(new double[] {xs[k], ys[k]});
    }

    private static long column(double t) { return (long) Math.floor(t / WIDTH); }

    @Test
    void everyColumnKeepsItsLowestAndHighestValueAtTheirTimes() {
        Random random = new Random(11);
        int steps = 10_000;
        double[] v = new double[steps];
        for (int k = 0; k < steps; k++) {
            v[k] = Math.sin(0.003 * k) + 0.3 * random.nextGaussian();
            add(k * DT, v[k]);
        }
        flush();
        int columns = (int) column((steps - 1) * DT) + 1;
        for (int c = 0; c < columns; c++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double loT = 0;
            double hiT = 0;
            for (int k = 0; k < steps; k++) {
                if (column(k * DT) != c) continue;
                if (v[k] < lo) { lo = v[k]; loT = k * DT; }
                if (v[k] > hi) { hi = v[k]; hiT = k * DT; }
            }
            List<double[]> inColumn = new ArrayList<>();
            for (double[] p : out) if (column(p[0]) == c) inColumn.add(p);
            assertEquals(2, inColumn.size(), "column " + c);
            double[] first = loT < hiT ? new double[] {loT, lo} : new double[] {hiT, hi};
            double[] second = loT < hiT ? new double[] {hiT, hi} : new double[] {loT, lo};
            assertEquals(first[0], inColumn.get(0)[0], 1e-12);
            assertEquals(first[1], inColumn.get(0)[1], 0);
            assertEquals(second[0], inColumn.get(1)[0], 1e-12);
            assertEquals(second[1], inColumn.get(1)[1], 0);
        }
    }

    @Test
    void aSpikeOneStepWideKeepsItsFullHeight() {
        for (int k = 0; k < 1000; k++) add(k * DT, k == 437 ? 5.0 : 0.0);
        flush();
        assertTrue(out.stream().anyMatch(p -> p[1] == 5.0 && Math.abs(p[0] - 4.37) < 1e-12));
        assertTrue(out.size() <= 2 * 40, "at most two points per column: " + out.size());
    }

    @Test
    void aFlatColumnIsOnePoint() {
        for (int k = 0; k < 100; k++) add(k * DT, 1.0);
        flush();
        assertEquals(4, out.size(), "four columns of 25 equal values");
    }

    @Test
    void pointsComeOutInTimeOrder() {
        Random random = new Random(5);
        for (int k = 0; k < 5000; k++) add(k * DT, random.nextDouble());
        flush();
        for (int k = 1; k < out.size(); k++) assertTrue(out.get(k)[0] >= out.get(k - 1)[0], "point " + k);
    }

    @Test
    void aJumpInTimeBreaksTheLineOnceBetweenThePoints() {
        for (int k = 0; k < 100; k++) add(k * DT, k);
        for (int k = 0; k < 100; k++) add(5 + k * DT, -k);
        flush();
        long breaks = out.stream().filter(p -> Double.isNaN(p[1])).count();
        assertEquals(1, breaks);
        double[] gap = out.stream().filter(p -> Double.isNaN(p[1])).findFirst().orElseThrow();
        assertTrue(gap[0] > 0.99 && gap[0] < 5, "between the last point before and the first after: " + gap[0]);
    }

    @Test
    void nanValuesBreakTheLineOnce() {
        for (int k = 0; k < 50; k++) add(k * DT, 1 + k);
        for (int k = 50; k < 80; k++) add(k * DT, Double.NaN);
        for (int k = 80; k < 120; k++) add(k * DT, 1 - k);
        flush();
        assertEquals(1, out.stream().filter(p -> Double.isNaN(p[1])).count());
        assertTrue(out.stream().anyMatch(p -> p[1] == 50), "the last value before the gap");
        assertTrue(out.stream().anyMatch(p -> p[1] == -79), "the first value after it");
    }

    @Test
    void aNewColumnWidthIsNoGap() {
        for (int k = 0; k < 100; k++) add(k * DT, k);
        reducer.setColumnWidth(1.0);
        for (int k = 100; k < 300; k += 5) add(k * DT, k); // the rows' spacing grows with the window
        flush();
        assertEquals(0, out.stream().filter(p -> Double.isNaN(p[1])).count());
    }
}
