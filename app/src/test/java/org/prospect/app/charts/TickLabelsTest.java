package org.prospect.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TickLabelsTest {
    @Test
    void quarterTicksKeepTheirSecondDecimal() {
        assertEquals("0.25", TickLabels.format(0.25));
        assertEquals("0.75", TickLabels.format(0.75));
        assertEquals("1.25", TickLabels.format(1.25));
    }

    @Test
    void roundingNoiseOfTickArithmeticIsHidden() {
        assertEquals("0.3", TickLabels.format(0.1 + 0.2));
        assertEquals("-0.5", TickLabels.format(-0.5));
        assertEquals("125", TickLabels.format(125.0));
        assertEquals("0", TickLabels.format(0.0));
    }

    @Test
    void tinyAndHugeValuesUseScientificNotation() {
        assertEquals("1e-5", TickLabels.format(1e-5));
        assertEquals("2.5e-4", TickLabels.format(2.5e-4));
        assertEquals("1e6", TickLabels.format(1e6));
        assertEquals("-3.14e7", TickLabels.format(-3.14159e7));
    }

    @Test
    void residuesOfZeroOnALinearAxisReadZero() {
        assertEquals("0", TickLabels.format(-4.24e-22, 0.4, false));
        assertEquals("0.1", TickLabels.format(0.1, 0.4, false));
    }

    @Test
    void smallValuesOnALogAxisAreKept() {
        assertEquals("1e-22", TickLabels.format(1e-22, 1.0, true));
    }
}
