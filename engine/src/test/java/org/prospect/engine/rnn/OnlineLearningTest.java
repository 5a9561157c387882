package org.prospect.engine.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OnlineLearningTest {
    @Test
    void onlineEpropEqualsBackwardEprop() {
        RnnSpec spec = RnnTesting.small(31);
        RnnWeights w = RnnTesting.scaled(spec, 1.0, 1.3);
        Trial trial = RnnTesting.randomTrial(spec, 30, 3, -0.3, 32);
        RnnNetwork net = new RnnNetwork(spec, 3, 30);
        Gradients backward = RnnTesting.gradient(net, w, trial, LearningRule.eprop());
        Gradients online = new Gradients(spec);
        OnlineLearning.eprop(spec).run(net, online);
        RnnTesting.assertGradientsClose(backward, online, 1e-12);
    }

    @Test
    void onlineModPropEqualsBackwardModPropWhenTheTapsCoverTheTrial() {
        for (int types : new int[] {2, 3, 4}) {
            RnnSpec spec = new RnnSpec(10, 2, 2, 1.0, 6.0, 0.8, types, 33 + types);
            RnnWeights w = RnnTesting.scaled(spec, 1.0, 1.3);
            Trial trial = RnnTesting.randomTrial(spec, 30, 3, -0.3, 34);
            RnnNetwork net = new RnnNetwork(spec, 3, 30);
            Gradients backward = RnnTesting.gradient(net, w, trial, LearningRule.modProp(0.25));
            Gradients online = new Gradients(spec);
            OnlineLearning.modProp(spec, 0.25, 29).run(net, online);
            RnnTesting.assertGradientsClose(backward, online, 1e-12);
        }
    }

    @Test
    void truncatedTapsOnlyApproximateTheBackwardForm() {
        RnnSpec spec = RnnTesting.small(35);
        RnnWeights w = RnnTesting.scaled(spec, 1.0, 1.3);
        Trial trial = RnnTesting.randomTrial(spec, 30, 3, -0.3, 36);
        RnnNetwork net = new RnnNetwork(spec, 3, 30);
        Gradients backward = RnnTesting.gradient(net, w, trial, LearningRule.modProp(1.0));
        Gradients online = new Gradients(spec);
        OnlineLearning.modProp(spec, 1.0, 3).run(net, online);
        double maxDiff = 0;
        for (int k = 0; k < online.dW.length; k++) maxDiff = Math.max(maxDiff, Math.abs(online.dW[k] - backward.dW[k]));
        assertTrue(maxDiff > 1e-9, "three taps cannot carry credit over 30 steps");
    }

    @Test
    void tapsEqualTheBinomialSumOfMODPROPmd() {
        double alpha = 0.8;
        double mu = 0.25;
        double[] m = {0.3, -0.5, 0.2, -0.4};
        int[] sizes = {3, 2};
        double c = (1 - alpha) * mu;
        double[] taps = ModPropTaps.taps(alpha, mu, m, sizes, 6);
        for (int k = 1; k <= 6; k++) {
            double[] expected = new double[4];
            double[] power = m.clone(); // (MN)^{m−1} M
            for (int mm = 1; mm <= k; mm++) {
                double coef = binomial(k, mm) * Math.pow(alpha, k - mm) * Math.pow(c, mm);
                for (int e = 0; e < 4; e++) expected[e] += coef * power[e];
                double[] next = new double[4];
                for (int r = 0; r < 2; r++) {
                    for (int col = 0; col < 2; col++) {
                        for (int q = 0; q < 2; q++) next[r * 2 + col] += m[r * 2 + q] * sizes[q] * power[q * 2 + col];
                    }
                }
                power = next;
            }
            for (int e = 0; e < 4; e++) assertEquals(expected[e], taps[(k - 1) * 4 + e], 1e-15, "k=" + k + " e=" + e);
        }
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return r;
    }

    @Test
    void modulatorySignalsAreTypeSumsOfTheGatedLearningSignal() {
        RnnSpec spec = RnnTesting.small(37);
        RnnWeights w = RnnTesting.scaled(spec, 1.0, 1.0);
        Trial trial = RnnTesting.randomTrial(spec, 12, 2, -0.2, 38);
        RnnNetwork net = new RnnNetwork(spec, 2, 12);
        net.forward(w, trial);
        OnlineLearning online = OnlineLearning.modProp(spec, 0.25, 11);
        online.run(net, new Gradients(spec));
        double[] g = new double[16];
        net.learningSignal(11, g);
        double[] mod = online.modulatorySignals();
        int[] type = spec.cellTypeOfUnits();
        for (int b = 0; b < 2; b++) {
            double[] expected = new double[2];
            for (int j = 0; j < 8; j++) {
                if (net.potentials()[11 * 16 + b * 8 + j] > 0) expected[type[j]] += g[b * 8 + j];
            }
            assertEquals(expected[0], mod[(11 * 2 + b) * 2], 1e-15);
            assertEquals(expected[1], mod[(11 * 2 + b) * 2 + 1], 1e-15);
            assertEquals(0.0, mod[(5 * 2 + b) * 2], "the loss reads only the last step");
        }
    }
}
