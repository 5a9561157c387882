package org.prospect.engine.gle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OptimizerTest {
    @Test
    void sgdStepsAgainstTheGradient() {
        double[] theta = {1.0, -2.0};
        double[] grad = {0.5, -1.0};
        Optimizer sgd = new Optimizer(Optimizer.Kind.SGD);
        sgd.add(theta, grad);
        sgd.step(0.1);
        assertEquals(0.95, theta[0], 1e-15);
        assertEquals(-1.9, theta[1], 1e-15);
    }

    @Test
    void adamFirstStepMovesEachParameterByTheRateTimesTheGradientSign() {
        // With bias correction, Adam's first update is η·g/(|g| + ε).
        double[] theta = {1.0, -2.0};
        double[] grad = {0.5, -3.0};
        Optimizer adam = new Optimizer(Optimizer.Kind.ADAM);
        adam.add(theta, grad);
        adam.step(0.01);
        assertEquals(1.0 - 0.01 * 0.5 / (0.5 + 1e-8), theta[0], 1e-15);
        assertEquals(-2.0 + 0.01 * 3.0 / (3.0 + 1e-8), theta[1], 1e-15);
    }

    @Test
    void adamMatchesTheTextbookRecursionOverSeveralSteps() {
        double[] theta = {0.3};
        double[] grad = new double[1];
        Optimizer adam = new Optimizer(Optimizer.Kind.ADAM);
        adam.add(theta, grad);
        double expected = 0.3;
        double m = 0;
        double v = 0;
        for (int t = 1; t <= 5; t++) {
            grad[0] = expected * expected - 0.1 * t;
            double g = grad[0];
            m = 0.9 * m + 0.1 * g;
            v = 0.999 * v + 0.001 * g * g;
            double mHat = m / (1 - Math.pow(0.9, t));
            double vHat = v / (1 - Math.pow(0.999, t));
            expected -= 0.05 * mHat / (Math.sqrt(vHat) + 1e-8);
            adam.step(0.05);
            assertEquals(expected, theta[0], 1e-12, "after step " + t);
        }
    }
}
