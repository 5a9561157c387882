package org.prospect.engine.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SineTest {
    private static void assertSameBitsAsStrictMath(double x) {
        assertEquals(Double.doubleToRawLongBits(StrictMath.sin(x)), Double.doubleToRawLongBits(Sine.sin(x)),
                () -> "sin(" + x + ") = " + StrictMath.sin(x) + ", got " + Sine.sin(x));
    }

    @Test
    void equalsStrictMathAtEveryMagnitudeAndSign() {
        SplittableRandom random = new SplittableRandom(7);
        for (int k = 0; k < 2_000_000; k++) {
            double magnitude = Math.pow(2, random.nextInt(-40, 24)); // past 2¹⁹·π/2, where StrictMath takes over
            assertSameBitsAsStrictMath((2 * random.nextDouble() - 1) * magnitude);
        }
    }

    @Test
    void equalsStrictMathNextToMultiplesOfHalfPiWhereTheReductionCancels() {
        for (int n = -70_000; n <= 70_000; n++) {
            double x = n * (Math.PI / 2);
            for (int d = -4; d <= 4; d++) assertSameBitsAsStrictMath(x + d * Math.ulp(x));
        }
    }

    @Test
    void equalsStrictMathOnTheArgumentsOfAnHourLongSignal() {
        // ω·t + φ for t = step·dt over 360,000 steps, as SumOfSinesSignal asks.
        double omega = 2 * Math.PI * 0.71;
        for (long step = 0; step < 360_000; step++) assertSameBitsAsStrictMath(omega * (step * 0.01) + 0.3);
    }

    @Test
    void keepsSignedZeroTinyValuesInfinitiesAndNaN() {
        for (double x : new double[] {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, 0x1p-27, 0x1p-28,
                Math.PI / 4, 3 * Math.PI / 4, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.NaN}) {
            assertSameBitsAsStrictMath(x);
            assertSameBitsAsStrictMath(-x);
        }
    }
}
