package org.prospect.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The band a noisy line is filled as must cover what its stroke (width 2r, round joins) covers, column by column. */
class TraceRendererTest {
    private static final double R = 1.5;
    private final double[] top = new double[40];
    private final double[] bottom = new double[40];

    TraceRendererTest() {
        Arrays.fill(top, Double.POSITIVE_INFINITY);
        Arrays.fill(bottom, Double.NEGATIVE_INFINITY);
    }

    /** Column c of the arrays (which start at column -10). */
    private double top(int c) { return top[c + 10]; }

    private double bottom(int c) { return bottom[c + 10]; }

    private void cover(double x0, double y0, double x1, double y1) {
        TraceRenderer.cover(top, bottom, -10, x0, y0, x1, y1, R);
    }

    @Test
    void aFlatSegmentCoversHalfTheWidthAboveAndBelowAndHasRoundEnds() {
        cover(0, 10, 10, 10);
        assertEquals(8.5, top(5), 1e-12);
        assertEquals(11.5, bottom(5), 1e-12);
        // Column -1's centre (-0.5) is 0.5 left of the end: the round cap reaches √(r² − 0.25) there.
        assertEquals(10 - Math.sqrt(2), top(-1), 1e-12);
        assertEquals(10 + Math.sqrt(2), bottom(-1), 1e-12);
        // Column -3's centre (-2.5) is farther than r from the end: untouched.
        assertFalse(top(-3) <= bottom(-3));
    }

    @Test
    void aSlopedSegmentIsWiderVerticallyByItsSlope() {
        cover(0, 0, 10, 10);
        double half = R * Math.sqrt(2);
        assertEquals(5.5 - half, top(5), 1e-12);
        assertEquals(5.5 + half, bottom(5), 1e-12);
    }

    @Test
    void aVerticalSegmentCoversItsWholeHeightInTheColumnsWithinReach() {
        cover(5, 0, 5, 100);
        assertEquals(-Math.sqrt(2), top(5), 1e-12);
        assertEquals(100 + Math.sqrt(2), bottom(5), 1e-12);
        assertEquals(0, top(3), 1e-12); // centre 3.5 is exactly r away: the segment's own height only
        assertEquals(100, bottom(3), 1e-12);
        assertFalse(top(7) <= bottom(7));
    }

    @Test
    void aZigzagCoversFromItsLowestToItsHighestPointInEachColumn() {
        double[] ys = {0, 50, 2, 48, 1, 49};
        for (int k = 0; k + 1 < ys.length; k++) cover(k, ys[k], k + 1, ys[k + 1]);
        assertTrue(top(2) < 1 && bottom(2) > 49);
    }

    @Test
    void noiseIsNoisyAndASineOrASquareWaveIsNot() {
        Random random = new Random(7);
        int n = 600;
        double[] noise = new double[n];
        double[] sine = new double[n];
        double[] square = new double[n];
        for (int k = 0; k < n; k++) {
            noise[k] = 100 + 80 * random.nextDouble();
            sine[k] = 150 + 120 * Math.sin(k * 0.05);
            square[k] = (k / 50) % 2 == 0 ? 20 : 280;
        }
        assertTrue(TraceRenderer.noisy(noise, n));
        assertFalse(TraceRenderer.noisy(sine, n));
        assertFalse(TraceRenderer.noisy(square, n));
        noise[10] = Double.NaN; // a gap does not count as a turn, nor hide the others
        assertTrue(TraceRenderer.noisy(noise, n));
    }

    @Test
    void aDenseNoisyLineCoversWhatADiscSweptAlongItCoversOnEachColumnsCentre() {
        Random random = new Random(17);
        int n = 60; // three points per column over columns 0 … 19
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int k = 0; k < n; k++) {
            xs[k] = k / 3.0;
            ys[k] = 50 + 20 * random.nextGaussian();
        }
        for (int k = 0; k + 1 < n; k++) cover(xs[k], ys[k], xs[k + 1], ys[k + 1]);
        // Independently: sample the pen's centre finely along every segment and take the disc's extent on the
        // column's centre line.
        for (int c = -1; c <= 20; c++) {
            double centre = c + 0.5;
            double up = Double.POSITIVE_INFINITY;
            double down = Double.NEGATIVE_INFINITY;
            for (int k = 0; k + 1 < n; k++) {
                for (int j = 0; j <= 20_000; j++) {
                    double f = j / 20_000.0;
                    double x = xs[k] + f * (xs[k + 1] - xs[k]);
                    double y = ys[k] + f * (ys[k + 1] - ys[k]);
                    double d = x - centre;
                    if (Math.abs(d) > R) continue;
                    double h = Math.sqrt(R * R - d * d);
                    up = Math.min(up, y - h);
                    down = Math.max(down, y + h);
                }
            }
            assertEquals(up, top(c), 1e-2, "top of column " + c);
            assertEquals(down, bottom(c), 1e-2, "bottom of column " + c);
        }
    }
}
