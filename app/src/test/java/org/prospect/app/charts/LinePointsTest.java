package org.prospect.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fair_acc.dataset.DataSet;
import org.junit.jupiter.api.Test;

/** A line's limits are the bounds of its points, kept as they come instead of scanned for. */
class LinePointsTest {
    private final LinePoints line = new LinePoints("line", 8);
    private final double[] zeros = new double[4];

    @Test
    void xLimitsAreTheFirstAndLastPointsTimes() {
        line.add(new double[] {1, 2, 3, 4}, new double[] {0, 5, Double.NaN, -2}, zeros, zeros, 4);
        line.recomputeLimits(DataSet.DIM_X);
        assertEquals(1, line.getAxisDescription(DataSet.DIM_X).getMin());
        assertEquals(4, line.getAxisDescription(DataSet.DIM_X).getMax());
    }

    @Test
    void yLimitsAreTheExtremesAddedIgnoringBreaks() {
        line.add(new double[] {1, 2, 3, 4}, new double[] {0, 5, Double.NaN, -2}, zeros, zeros, 4);
        line.recomputeLimits(DataSet.DIM_Y);
        assertEquals(-2, line.getAxisDescription(DataSet.DIM_Y).getMin());
        assertEquals(5, line.getAxisDescription(DataSet.DIM_Y).getMax());
    }

    @Test
    void aResetLineHasNoLimits() {
        line.add(new double[] {1, 2, 3, 4}, new double[] {0, 5, 1, -2}, zeros, zeros, 4);
        line.reset();
        line.recomputeLimits(DataSet.DIM_X);
        line.recomputeLimits(DataSet.DIM_Y);
        assertFalse(line.getAxisDescription(DataSet.DIM_X).isDefined());
        assertFalse(line.getAxisDescription(DataSet.DIM_Y).isDefined());
    }
}
