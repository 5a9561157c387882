package org.prospect.app.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.prospect.engine.trace.TraceBuffer;

/** The feeder's ring of drained rows: what a time range holds, across the ring's end and a reset. */
class RawRowsTest {
    private final TraceBuffer trace = new TraceBuffer(1, 64);
    private final RawRows rows = new RawRows(1, 8);

    private void write(double from, int n) {
        for (int k = 0; k < n; k++) trace.write(from + k, new double[] {10 * (from + k)});
    }

    @Test
    void aRangeHoldsTheNewestRowsInItsTimesAcrossTheRingsEnd() {
        write(0, 6);
        assertEquals(6, rows.drain(trace, 100));
        write(6, 5);
        assertEquals(2, rows.drain(trace, 100), "up to the ring's end");
        assertEquals(0, rows.lastSlot() - 6);
        assertEquals(3, rows.drain(trace, 100));
        double[][] r = rows.range(4, 9);
        assertArrayEquals(new double[] {4, 5, 6, 7, 8, 9}, r[0]);
        assertArrayEquals(new double[] {40, 50, 60, 70, 80, 90}, r[1]);
        assertEquals(3, rows.oldestTime(), "eight rows kept: 3 … 10");
    }

    @Test
    void aResetDropsTheOldRunsRows() {
        write(0, 4);
        rows.drain(trace, 100);
        write(0, 2); // the run started again
        rows.drain(trace, 100);
        rows.resetAt(rows.lastSlot());
        assertArrayEquals(new double[] {0, 1}, rows.range(-1, 100)[0]);
        assertEquals(0, rows.oldestTime());
    }
}
