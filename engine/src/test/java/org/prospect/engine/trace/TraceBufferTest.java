package org.prospect.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TraceBufferTest {
    private static double[] row(double... v) { return v; }

    @Test
    void deliversRowsInOrderAcrossTheWrap() {
        TraceBuffer buffer = new TraceBuffer(2, 4);
        double[] time = new double[4];
        double[][] cols = {new double[4], new double[4]};
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 3; i++) {
                double t = round * 3 + i;
                buffer.write(t, row(10 * t, -t));
            }
            int n = buffer.drain(time, cols);
            assertEquals(3, n);
            for (int k = 0; k < n; k++) {
                double t = round * 3 + k;
                assertEquals(t, time[k]);
                assertEquals(10 * t, cols[0][k]);
                assertEquals(-t, cols[1][k]);
            }
        }
        assertEquals(0, buffer.dropped());
        assertEquals(0, buffer.drain(time, cols));
    }

    @Test
    void countsOverwrittenRowsAsDroppedAndKeepsTheNewest() {
        TraceBuffer buffer = new TraceBuffer(1, 4);
        for (int t = 0; t < 10; t++) buffer.write(t, row(t));
        double[] time = new double[8];
        double[][] cols = {new double[8]};
        int n = buffer.drain(time, cols);
        // The producer is idle, so none of the four surviving rows is torn.
        assertEquals(4, n);
        assertEquals(6, buffer.dropped());
        for (int k = 0; k < n; k++) assertEquals(6 + k, time[k]);
    }

    @Test
    void drainsNoMoreThanTheCallerHasRoomFor() {
        TraceBuffer buffer = new TraceBuffer(1, 8);
        for (int t = 0; t < 5; t++) buffer.write(t, row(t));
        double[] time = new double[3];
        double[][] cols = {new double[3]};
        assertEquals(3, buffer.drain(time, cols));
        assertEquals(2.0, time[2]);
        assertEquals(2, buffer.drain(time, cols));
        assertEquals(3.0, time[0]);
        assertEquals(4.0, time[1]);
        assertEquals(0, buffer.dropped());
    }

    @Test
    void concurrentReaderSeesOnlyWholeRowsInOrder() throws Exception {
        int channels = 5;
        long rows = 3_000_000;
        TraceBuffer buffer = new TraceBuffer(channels, 256);
        Thread producer = new Thread(() -> {
            double[] values = new double[channels];
            for (long i = 0; i < rows; i++) {
                for (int c = 0; c < channels; c++) values[c] = i * 7.0 + c;
                buffer.write(i, values);
            }
        });
        AtomicReference<String> problem = new AtomicReference<>();
        double[] time = new double[64];
        double[][] cols = new double[channels][64];
        producer.start();
        long delivered = 0;
        double last = -1;
        while (producer.isAlive() || buffer.written() > delivered + buffer.dropped()) {
            int n = buffer.drain(time, cols);
            for (int k = 0; k < n && problem.get() == null; k++) {
                if (time[k] <= last) problem.set("row " + time[k] + " after " + last);
                for (int c = 0; c < channels; c++) {
                    if (cols[c][k] != time[k] * 7.0 + c) problem.set("torn row at t = " + time[k] + ", channel " + c);
                }
                last = time[k];
            }
            delivered += n;
            if (problem.get() != null) break;
        }
        producer.join();
        assertEquals(null, problem.get());
        assertEquals(rows, delivered + buffer.dropped(), "every row is either delivered or counted as dropped");
        assertTrue(delivered > 0);
    }

    @Test
    void drainsIntoTheGivenOffsetOfTheCallersArrays() {
        TraceBuffer buffer = new TraceBuffer(2, 8);
        for (int i = 0; i < 5; i++) buffer.write(i, new double[] {10 + i, 20 + i});
        double[] time = new double[10];
        double[][] cols = new double[2][10];
        assertEquals(3, buffer.drain(time, cols, 6, 3));
        assertEquals(2, buffer.drain(time, cols, 0, 4));
        assertEquals(0, time[6]);
        assertEquals(12, cols[0][8]);
        assertEquals(23, cols[1][0]);
        assertEquals(4, time[1]);
        assertEquals(0, buffer.dropped());
    }
}
