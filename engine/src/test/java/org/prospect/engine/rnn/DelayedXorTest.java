package org.prospect.engine.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DelayedXorTest {
    static final XorSpec NOISELESS = new XorSpec(100, 700, 0.02, 2.0, 25.0, 0.0);

    @Test
    void theLabelIsOneExactlyWhenTheCueBitsMatch() {
        Trial t = new DelayedXor(XorSpec.paper(), 1).next(64);
        for (int b = 0; b < 64; b++) {
            assertEquals(t.bits()[2 * b] == t.bits()[2 * b + 1] ? 1 : 0, t.labels()[b]);
        }
    }

    @Test
    void aCueBitOneIsAGaussianBumpOfHeightTwoCentredInItsWindow() {
        Trial t = new DelayedXor(NOISELESS, 2).next(16);
        assertEquals(900, t.steps());
        for (int b = 0; b < 16; b++) {
            int bit1 = t.bits()[2 * b];
            int bit2 = t.bits()[2 * b + 1];
            // Steps 49 and 50 straddle the centre 49.5 of the window 0..99.
            double peak = 0.02 + 2.0 * Math.exp(-0.5 * (0.5 / 25) * (0.5 / 25));
            assertEquals(bit1 == 1 ? peak : 0.02, t.input(49, b, 0), 1e-12);
            assertEquals(bit1 == 1 ? peak : 0.02, t.input(50, b, 0), 1e-12);
            assertEquals(bit2 == 1 ? peak : 0.02, t.input(849, b, 1), 1e-12);
            // Channel 1 carries only cue 1, channel 2 only cue 2, baseline in the delay.
            assertEquals(0.02, t.input(849, b, 0), 1e-15);
            assertEquals(0.02, t.input(49, b, 1), 1e-15);
            assertEquals(0.02, t.input(400, b, 0), 1e-15);
            assertEquals(0.02, t.input(400, b, 1), 1e-15);
        }
    }

    @Test
    void noiseHasTheRequestedStandardDeviation() {
        Trial t = new DelayedXor(XorSpec.paper(), 3).next(32);
        double sum = 0;
        double sq = 0;
        int count = 0;
        for (int step = 150; step < 750; step++) {
            for (int b = 0; b < 32; b++) {
                double d = t.input(step, b, 0) - 0.02;
                sum += d;
                sq += d * d;
                count++;
            }
        }
        assertEquals(0.0, sum / count, 5e-4);
        assertEquals(0.01, Math.sqrt(sq / count), 5e-4);
    }

    @Test
    void batchesAreDeterministicGivenTheSeed() {
        Trial a = new DelayedXor(XorSpec.paper().withDelay(50), 9).next(4);
        Trial b = new DelayedXor(XorSpec.paper().withDelay(50), 9).next(4);
        assertArrayEquals(a.x(), b.x());
        assertArrayEquals(a.labels(), b.labels());
    }
}
