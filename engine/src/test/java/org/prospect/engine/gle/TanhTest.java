package org.prospect.engine.gle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vectorised tanh against StrictMath as the reference. */
class TanhTest {
    /** 1 − tanh² x = 1/cosh² x, which keeps its relative accuracy where tanh rounds to ±1. */
    private static double referenceDerivative(double x) {
        double c = StrictMath.cosh(x);
        return 1.0 / (c * c);
    }

    private static double ulpsApart(double actual, double expected) {
        return Math.abs(actual - expected) / Math.ulp(expected);
    }

    /** Values over the range that matters (|x| ≤ 3), the vector pass's whole range and beyond, and tiny ones. */
    private static double[] samples(int n) {
        Random random = new Random(13);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double scale = switch (i % 4) {
                case 0 -> 3;
                case 1 -> 25;
                case 2 -> 400;
                default -> 1e-7;
            };
            x[i] = (2 * random.nextDouble() - 1) * scale;
        }
        return x;
    }

    @Test
    void vectorisedTanhIsWithinFourUlpOfStrictMath() {
        for (double x : samples(400_000)) {
            assertTrue(ulpsApart(Tanh.vectorRate(x), StrictMath.tanh(x)) <= 4, "tanh(" + x + ")");
        }
    }

    @Test
    void vectorisedDerivativeIsWithinEightUlpOfOneOverCoshSquared() {
        for (double x : samples(400_000)) {
            double expected = referenceDerivative(x);
            if (expected < Double.MIN_NORMAL) continue; // subnormal: ulp is meaningless
            assertTrue(ulpsApart(Tanh.vectorDerivative(x), expected) <= 8, "1 − tanh²(" + x + ")");
        }
    }

    @Test
    void expOfMinusAMinusOneKeepsItsRelativeAccuracyForSmallA() {
        for (double a = 40.0; a > 1e-300; a *= 0.61) {
            assertTrue(ulpsApart(VectorExp.expm1Negative(a), StrictMath.expm1(-a)) <= 2, "expm1(-" + a + ")");
        }
    }

    @Test
    void theVectorisedPassComputesTheSameBitsAsItsOneValueForm() {
        double[] x = samples(10_000);
        double[] rate = new double[x.length];
        double[] derivative = new double[x.length];
        Tanh.apply(x, rate, derivative, 0, x.length);
        for (int k = 0; k < x.length; k++) {
            assertEquals(Tanh.vectorRate(x[k]), rate[k], 0.0, "tanh at " + x[k]);
            assertEquals(Tanh.vectorDerivative(x[k]), derivative[k], 0.0, "derivative at " + x[k]);
        }
    }

    @Test
    void limitsAndSpecialValuesAreExact() {
        double[] x = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-310, -1e-310, Double.NaN};
        double[] rate = new double[x.length];
        double[] derivative = new double[x.length];
        Tanh.apply(x, rate, derivative, 0, x.length);
        double[] expectedRate = {0.0, -0.0, 1.0, -1.0, 1e-310, -1e-310, Double.NaN};
        double[] expectedDerivative = {1.0, 1.0, 0.0, 0.0, 1.0, 1.0, Double.NaN};
        for (int k = 0; k < x.length; k++) {
            assertEquals(expectedRate[k], rate[k], 0.0, "tanh at " + x[k]);
            assertEquals(Double.doubleToRawLongBits(expectedRate[k]), Double.doubleToRawLongBits(rate[k]),
                    "the sign of tanh at " + x[k]);
            assertEquals(expectedDerivative[k], derivative[k], 0.0, "derivative at " + x[k]);
        }
    }
}
