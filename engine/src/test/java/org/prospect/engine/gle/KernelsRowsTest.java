package org.prospect.engine.gle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelsRowsTest {
    @Test
    void paddedRowsFillWholeCacheLinesAndWasteLessThanOne() {
        for (int len = 1; len <= 300; len++) {
            int p = Kernels.Rows.padded(len);
            assertEquals(0, (16 + 8 * p) % 64, "length " + len + " padded to " + p);
            assertTrue(p >= len && p - len < 8, "length " + len + " padded to " + p);
        }
    }

    @Test
    void theRowsOfCAreAllocatedWithTheRowsOfBAndGrowsWithThem() {
        Kernels.Rows rows = new Kernels.Rows();
        double[][] b = rows.b(4, 10);
        assertTrue(b.length >= 4 + Kernels.C_ROWS && b[0].length >= 10);
        assertSame(b[b.length - 1], rows.c(Kernels.C_ROWS - 1));
        double[][] wider = rows.b(3, 40);
        assertTrue(wider.length >= 3 + Kernels.C_ROWS && wider[0].length >= 40);
        assertEquals(wider[0].length, rows.c(0).length);
        assertSame(wider, rows.b(2, 12), "a smaller request reuses the rows");
    }
}
