package org.prospect.engine.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignalTest {
    @Test
    void sumOfSinesFollowsItsFormulaForEveryChannel() {
        SignalSpec spec = new SignalSpec.SumOfSines(List.of(
                List.of(new SignalSpec.Sine(1, 0.3, 0), new SignalSpec.Sine(0.5, 0.71, 0)),
                List.of(new SignalSpec.Sine(1, 0.3, 1), new SignalSpec.Sine(0.5, 0.71, 0.3))));
        Signal s = spec.create(2, 0.01, 0);
        double[] out = new double[4];
        s.sample(123, out);
        double t = 1.23;
        double x1 = Math.sin(2 * Math.PI * 0.3 * t + 1) + 0.5 * Math.sin(2 * Math.PI * 0.71 * t + 0.3);
        assertEquals(x1, out[1], 1e-15);
        assertEquals(x1, out[3], 1e-15);
    }

    @Test
    void smoothedSquareWaveIsPeriodicBoundedAndShiftedPerSample() {
        Signal s = new SignalSpec.SquareWave(1, 4, 1, 5, true).create(8, 0.01, 3);
        double[] a = new double[8];
        double[] b = new double[8];
        double sum = 0;
        for (int step = 0; step < 400; step++) {
            s.sample(step, a);
            s.sample(step + 400, b);
            assertArrayEquals(a, b, 0.0, "period of 400 steps");
            for (double v : a) assertTrue(Math.abs(v) <= 1.0 + 1e-12);
            sum += a[0];
        }
        assertEquals(0.0, sum / 400, 1e-12, "high and low halves balance");
        boolean differ = false;
        for (int step = 0; step < 400; step++) {
            s.sample(step, a);
            differ |= a[0] != a[1];
        }
        assertTrue(differ, "samples are offset from each other");
    }

    @Test
    void squareWaveIsSmoothNearItsEdges() {
        Signal s = new SignalSpec.SquareWave(1, 4, 1, 5, false).create(1, 0.01, 0);
        double[] v = new double[1];
        double largestJump = 0;
        double previous = Double.NaN;
        for (int step = 0; step < 400; step++) {
            s.sample(step, v);
            if (step > 0) largestJump = Math.max(largestJump, Math.abs(v[0] - previous));
            previous = v[0];
        }
        // A Gaussian of σ = 5 steps spreads the jump of 2 over ~20 steps: the steepest step is 2/(√(2π)·5).
        assertEquals(2 / (Math.sqrt(2 * Math.PI) * 5), largestJump, 0.01);
    }

    @Test
    void ornsteinUhlenbeckRepeatsWithItsSeedAndAfterReset() {
        SignalSpec spec = new SignalSpec.OrnsteinUhlenbeck(2, 1, 0, 0.5);
        Signal first = spec.create(3, 0.01, 11);
        Signal second = spec.create(3, 0.01, 11);
        double[] a = new double[6];
        double[] b = new double[6];
        double[] start = new double[6];
        for (int step = 0; step < 100; step++) {
            first.sample(step, a);
            second.sample(step, b);
            assertArrayEquals(a, b, 0.0);
            if (step == 50) start = a.clone();
        }
        first.reset();
        for (int step = 0; step <= 50; step++) first.sample(step, a);
        assertArrayEquals(start, a, 0.0);
    }

    @Test
    void ornsteinUhlenbeckHasItsStationaryVariance() {
        double theta = 2;
        double sigma = 0.8;
        Signal s = new SignalSpec.OrnsteinUhlenbeck(1, theta, 0.3, sigma).create(200, 0.01, 5);
        double[] x = new double[200];
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int step = 0; step < 3000; step++) {
            s.sample(step, x);
            if (step >= 1000) {
                for (double v : x) {
                    sum += v;
                    sumSq += v * v;
                    n++;
                }
            }
        }
        double mean = sum / n;
        double variance = sumSq / n - mean * mean;
        assertEquals(0.3, mean, 0.02);
        assertEquals(sigma * sigma / (2 * theta), variance, 0.02);
    }

    @Test
    void stepSwitchesAtItsTime() {
        Signal s = new SignalSpec.Step(new double[] {0, 1}, new double[] {2, 3}, 0.5).create(1, 0.1, 0);
        double[] v = new double[2];
        s.sample(4, v);
        assertArrayEquals(new double[] {0, 1}, v, 0.0);
        s.sample(5, v);
        assertArrayEquals(new double[] {2, 3}, v, 0.0);
    }
}
