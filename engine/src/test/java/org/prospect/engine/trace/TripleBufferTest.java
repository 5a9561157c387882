package org.prospect.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TripleBufferTest {
    @Test
    void consumerGetsTheNewestPublishedBufferAndNeverTheOneBeingWritten() {
        TripleBuffer<int[]> b = new TripleBuffer<>(() -> new int[1]);
        b.back()[0] = 1;
        b.publish();
        b.back()[0] = 2;
        b.publish();
        assertTrue(b.hasNew());
        int[] front = b.front();
        assertEquals(2, front[0]);
        assertFalse(b.hasNew());
        assertNotSame(front, b.back());
        assertEquals(2, b.front()[0], "unchanged when nothing new was published");
        b.back()[0] = 3;
        assertEquals(2, b.front()[0], "a buffer being written is not visible");
        b.publish();
        assertEquals(3, b.front()[0]);
    }
}
