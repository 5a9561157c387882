package org.prospect.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChartColumnsTest {
    @Test
    void threeColumnsWhenEachGetsItsMinimumWidthTwoDownToTheirsThenOne() {
        assertEquals(3, ChartColumns.forWidth(3 * ChartColumns.MIN_WIDTH, false));
        assertEquals(2, ChartColumns.forWidth(3 * ChartColumns.MIN_WIDTH - 1, false));
        assertEquals(2, ChartColumns.forWidth(2 * ChartColumns.MIN_TWO_COLUMN_WIDTH, false));
        assertEquals(1, ChartColumns.forWidth(2 * ChartColumns.MIN_TWO_COLUMN_WIDTH - 1, false));
    }

    @Test
    void inLectureModeEveryColumnNeedsMoreRoomForTheLargerText() {
        // 620 px: the charts' room at 1280×800 with the parameter sheet open.
        assertEquals(2, ChartColumns.forWidth(620, false));
        assertEquals(1, ChartColumns.forWidth(620, true));
        assertEquals(2, ChartColumns.forWidth(2 * ChartColumns.MIN_TWO_COLUMN_WIDTH_LECTURE, true));
        assertEquals(2, ChartColumns.forWidth(3 * ChartColumns.MIN_WIDTH, true));
        assertEquals(3, ChartColumns.forWidth(3 * ChartColumns.MIN_WIDTH_LECTURE, true));
    }
}
