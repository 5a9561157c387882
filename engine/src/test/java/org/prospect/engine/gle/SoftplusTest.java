package org.prospect.engine.gle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vectorised softplus against StrictMath (fdlibm, correctly rounded to within 1 ulp) as the reference. */
class SoftplusTest {
    private static double referenceRate(double x) {
        return Math.max(x, 0.0) + StrictMath.log1p(StrictMath.exp(-Math.abs(x)));
    }

    private static double referenceSigmoid(double x) {
        return x >= 0 ? 1.0 / (1.0 + StrictMath.exp(-x)) : StrictMath.exp(x) / (1.0 + StrictMath.exp(x));
    }

    private static double ulpsApart(double actual, double expected) {
        return Math.abs(actual - expected) / Math.ulp(expected);
    }

    /** Values spread over the range that matters (|x| ≤ 4), the vector pass's whole range and beyond it. */
    private static double[] samples(int n) {
        Random random = new Random(11);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double scale = switch (i % 4) {
                case 0 -> 4;
                case 1 -> 50;
                case 2 -> 800;
                default -> 1e-6;
            };
            x[i] = (2 * random.nextDouble() - 1) * scale;
        }
        return x;
    }

    @Test
    void vectorisedRateIsWithinThreeUlpOfLogOnePlusExp() {
        for (double x : samples(400_000)) {
            assertTrue(ulpsApart(Softplus.vectorRate(x), referenceRate(x)) <= 3, "softplus(" + x + ")");
        }
    }

    @Test
    void vectorisedDerivativeIsWithinThreeUlpOfTheLogisticSigmoid() {
        for (double x : samples(400_000)) {
            double expected = referenceSigmoid(x);
            if (expected < Double.MIN_NORMAL) continue; // subnormal: ulp is meaningless
            assertTrue(ulpsApart(Softplus.vectorDerivative(x), expected) <= 3, "sigmoid(" + x + ")");
        }
    }

    @Test
    void vectorisedExpOfMinusAIsWithinOneUlpAcrossItsRangeAndBeyond() {
        Random random = new Random(3);
        for (int i = 0; i < 400_000; i++) {
            double a = random.nextDouble() * (i % 2 == 0 ? Softplus.LIMIT : 700);
            assertTrue(ulpsApart(VectorExp.expNegative(a), StrictMath.exp(-a)) <= 1, "exp(-" + a + ")");
        }
    }

    @Test
    void oneAtATimeRateAndDerivativeAreWithinThreeUlp() {
        double[] x = samples(400_000);
        double[] rate = new double[x.length];
        double[] derivative = new double[x.length];
        Softplus.applyEach(x, rate, derivative, 0, x.length);
        for (int k = 0; k < x.length; k++) {
            assertTrue(ulpsApart(rate[k], referenceRate(x[k])) <= 3, "softplus(" + x[k] + ")");
            double expected = referenceSigmoid(x[k]);
            if (expected >= Double.MIN_NORMAL) {
                assertTrue(ulpsApart(derivative[k], expected) <= 3, "sigmoid(" + x[k] + ")");
            }
            assertEquals(Softplus.rate(x[k]), rate[k], 0.0, "the one-value rate at " + x[k]);
            assertEquals(Softplus.derivative(x[k]), derivative[k], 0.0, "the one-value derivative at " + x[k]);
        }
    }

    @Test
    void logOnePlusEKeepsItsRelativeAccuracyForTinyEBothWays() {
        for (double e = 1.0; e > 1e-300; e *= 0.37) {
            assertTrue(ulpsApart(Softplus.log1pUnit(e), StrictMath.log1p(e)) <= 2, "series log1p(" + e + ")");
            assertTrue(ulpsApart(Softplus.log1p(e), StrictMath.log1p(e)) <= 2, "Math.log log1p(" + e + ")");
        }
    }

    @Test
    void theVectorisedPassComputesTheSameBitsAsItsOneValueForm() {
        double[] x = samples(10_000);
        double[] rate = new double[x.length];
        double[] derivative = new double[x.length];
        Softplus.apply(x, rate, derivative, 0, x.length);
        for (int k = 0; k < x.length; k++) {
            assertEquals(Softplus.vectorRate(x[k]), rate[k], 0.0, "rate at " + x[k]);
            assertEquals(Softplus.vectorDerivative(x[k]), derivative[k], 0.0, "derivative at " + x[k]);
        }
    }

    @Test
    void limitsAndSpecialValuesAreExactBothWays() {
        double[] x = {0.0, -0.0, 1e-310, -1e-310, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        double[] rate = new double[x.length];
        double[] derivative = new double[x.length];
        Softplus.apply(x, rate, derivative, 0, x.length);
        double[] expectedRate = {Softplus.rate(0.0), Softplus.rate(0.0), Softplus.rate(0.0), Softplus.rate(0.0),
                Double.POSITIVE_INFINITY, 0.0, Double.NaN};
        double[] expectedDerivative = {0.5, 0.5, 0.5, 0.5, 1.0, 0.0, Double.NaN};
        for (int k = 0; k < x.length; k++) {
            assertEquals(expectedRate[k], rate[k], 0.0, "vectorised rate at " + x[k]);
            assertEquals(expectedDerivative[k], derivative[k], 0.0, "vectorised derivative at " + x[k]);
        }
        assertEquals(Math.log(2), Softplus.rate(0.0), Math.ulp(Math.log(2)));
        assertEquals(0.5, Softplus.derivative(0.0), 0.0);
        assertEquals(0.5, Softplus.derivative(-0.0), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, Softplus.rate(Double.POSITIVE_INFINITY));
        assertEquals(0.0, Softplus.rate(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, Softplus.derivative(Double.POSITIVE_INFINITY));
        assertEquals(0.0, Softplus.derivative(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Softplus.rate(Double.NaN)), "NaN stays NaN, for the divergence check");
        assertEquals(0.5, Softplus.derivative(1e-310), 0.0, "σ of a subnormal x");
        assertEquals(0.5, Softplus.derivative(-1e-310), 0.0, "σ of a subnormal x");
    }
}
