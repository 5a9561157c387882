package org.prospect.engine.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RnnGradientTest {
    @Test
    void bpttGradientsMatchCentralFiniteDifferences() {
        RnnSpec spec = RnnTesting.small(11);
        // Inputs around zero and a strong recurrence: some units switch off, credit crosses many steps.
        RnnWeights w = RnnTesting.scaled(spec, 1.0, 1.5);
        for (int k = 0; k < w.wIn.length; k++) w.wIn[k] *= (k % 3 == 0 ? -1 : 1);
        w.bOut[1] = 0.2;
        Trial trial = RnnTesting.randomTrial(spec, 15, 3, -0.4, 12);
        RnnNetwork net = new RnnNetwork(spec, 3, 15);
        Gradients g = RnnTesting.gradient(net, w, trial, LearningRule.bptt());
        checkAgainstFiniteDifferences(net, w, trial, w.wIn, g.dWin, "W_in");
        checkAgainstFiniteDifferences(net, w, trial, w.w, g.dW, "W");
        checkAgainstFiniteDifferences(net, w, trial, w.wOut, g.dWout, "W_out");
        checkAgainstFiniteDifferences(net, w, trial, w.bOut, g.dbOut, "b_out");
    }

    @Test
    void bpttGradientsMatchFiniteDifferencesWithUnitsNotAMultipleOfFour() {
        // 13 units and 5 trials: the kernel's remainder loops and uneven batch slices.
        RnnSpec spec = new RnnSpec(13, 2, 2, 1.0, 5.0, 0.75, 2, 41);
        RnnWeights w = RnnTesting.scaled(spec, 1.0, 1.4);
        Trial trial = RnnTesting.randomTrial(spec, 15, 5, -0.3, 42);
        RnnNetwork net = new RnnNetwork(spec, 5, 15);
        Gradients g = RnnTesting.gradient(net, w, trial, LearningRule.bptt());
        checkAgainstFiniteDifferences(net, w, trial, w.wIn, g.dWin, "W_in");
        checkAgainstFiniteDifferences(net, w, trial, w.w, g.dW, "W");
    }

    private static void checkAgainstFiniteDifferences(RnnNetwork net, RnnWeights w, Trial trial, double[] param,
                                                      double[] grad, String name) {
        double eps = 1e-6;
        double scale = 0;
        for (double v : grad) scale = Math.max(scale, Math.abs(v));
        assertTrue(scale > 1e-6, name + " gradient is trivially zero");
        for (int k = 0; k < param.length; k++) {
            double keep = param[k];
            param[k] = keep + eps;
            double up = net.forward(w, trial);
            param[k] = keep - eps;
            double down = net.forward(w, trial);
            param[k] = keep;
            assertEquals((up - down) / (2 * eps), grad[k], 1e-6 * scale, name + " index " + k);
        }
    }

    @Test
    void epropEqualsBpttWhenTheRecurrentWeightsAreZero() {
        // Without recurrence the only path from W to E is through the unit's own leak: e-prop is exact.
        RnnSpec spec = RnnTesting.small(13);
        RnnWeights w = RnnTesting.scaled(spec, 1.0, 0.0);
        Trial trial = RnnTesting.randomTrial(spec, 20, 4, -0.3, 14);
        RnnNetwork net = new RnnNetwork(spec, 4, 20);
        Gradients bptt = RnnTesting.gradient(net, w, trial, LearningRule.bptt());
        Gradients eprop = RnnTesting.gradient(net, w, trial, LearningRule.eprop());
        RnnTesting.assertGradientsClose(bptt, eprop, 1e-13);
    }

    @Test
    void modPropWithMuOneAndTheTrueWeightsEqualsBpttWhenAllUnitsAreActive() {
        // With φ' = 1 everywhere, μ = 1 is the true derivative and ModProp's ripple is BPTT's.
        RnnSpec spec = RnnTesting.small(15);
        RnnWeights w = RnnTesting.scaled(spec, 3.0, 0.3);
        Trial trial = RnnTesting.randomTrial(spec, 25, 3, 0.5, 16);
        RnnNetwork net = new RnnNetwork(spec, 3, 25);
        Gradients bptt = RnnTesting.gradient(net, w, trial, LearningRule.bptt());
        for (double s : net.potentials()) assertTrue(s > 0, "the test needs every unit active");
        Gradients modProp = RnnTesting.gradient(net, w, trial, LearningRule.modPropCellSpecific(1.0));
        RnnTesting.assertGradientsClose(bptt, modProp, 1e-12);
        // ...while the type-averaged W_ab is only an approximation.
        Gradients averaged = RnnTesting.gradient(net, w, trial, LearningRule.modProp(1.0));
        assertTrue(Math.abs(averaged.cosineRecurrent(bptt)) < 1 - 1e-6);
    }

    @Test
    void typeAveragedAndCellSpecificRulesAgreeWhenWIsConstantOnEveryTypeBlock() {
        // Then W_ab = W, so the O(N·types) type product must give the full product's result.
        RnnSpec spec = RnnTesting.small(17);
        double[] wab = RnnWeights.initial(spec).typeAveraged();
        RnnWeights base = RnnWeights.initial(spec);
        RnnWeights w = RnnWeights.of(spec, base.wIn, wab, base.wOut, base.bOut);
        Trial trial = RnnTesting.randomTrial(spec, 15, 2, -0.2, 18);
        RnnNetwork net = new RnnNetwork(spec, 2, 15);
        RnnTesting.assertGradientsClose(RnnTesting.gradient(net, w, trial, LearningRule.modPropCellSpecific(0.25)),
                RnnTesting.gradient(net, w, trial, LearningRule.modProp(0.25)), 1e-13);
        RnnTesting.assertGradientsClose(RnnTesting.gradient(net, w, trial, LearningRule.mdglCellSpecific()),
                RnnTesting.gradient(net, w, trial, LearningRule.mdgl()), 1e-13);
    }

    @Test
    void mdglAddsExactlyOneStepOfRippleToEprop() {
        // MDGL's δ differs from e-prop's by D_t (1−α) W_abᵀ D_{t+1} g_{t+1}, which is non-zero only at the
        // second-to-last step here, then leaks back with α.
        RnnSpec spec = RnnTesting.small(19);
        RnnWeights w = RnnTesting.scaled(spec, 2.0, 1.0);
        Trial trial = RnnTesting.randomTrial(spec, 10, 2, 0.1, 20);
        RnnNetwork net = new RnnNetwork(spec, 2, 10);
        net.forward(w, trial);
        net.backward(LearningRule.eprop(), new Gradients(spec));
        double[] eprop = net.delta().clone();
        net.backward(LearningRule.mdglCellSpecific(), new Gradients(spec));
        double[] mdgl = net.delta();
        double alpha = spec.alpha();
        int bn = 2 * 8;
        double[] g = new double[bn];
        net.learningSignal(9, g);
        double[] s = net.potentials();
        for (int b = 0; b < 2; b++) {
            for (int p = 0; p < 8; p++) {
                double ripple = 0;
                for (int i = 0; i < 8; i++) {
                    double dg = s[9 * bn + b * 8 + i] > 0 ? g[b * 8 + i] : 0;
                    ripple += w.w[i * 8 + p] * dg;
                }
                ripple *= (1 - alpha) * (s[8 * bn + b * 8 + p] > 0 ? 1 : 0);
                for (int t = 0; t <= 8; t++) {
                    int k = t * bn + b * 8 + p;
                    assertEquals(eprop[k] + Math.pow(alpha, 8 - t) * ripple, mdgl[k], 1e-14, "t=" + t);
                }
            }
        }
    }

    @Test
    void aBatchOfIdenticalTrialsGivesTheSingleTrialGradient() {
        RnnSpec spec = RnnTesting.small(21);
        RnnWeights w = RnnTesting.scaled(spec, 1.0, 1.2);
        Trial one = RnnTesting.randomTrial(spec, 12, 1, -0.2, 22);
        double[] x = new double[12 * 3 * 2];
        for (int t = 0; t < 12; t++) {
            for (int b = 0; b < 3; b++) {
                x[(t * 3 + b) * 2] = one.input(t, 0, 0);
                x[(t * 3 + b) * 2 + 1] = one.input(t, 0, 1);
            }
        }
        int label = one.labels()[0];
        Trial three = new Trial(12, 3, 2, x, new int[] {label, label, label}, new int[6]);
        for (LearningRule r : new LearningRule[] {LearningRule.bptt(), LearningRule.modProp(0.25)}) {
            RnnTesting.assertGradientsClose(RnnTesting.gradient(new RnnNetwork(spec, 1, 12), w, one, r),
                    RnnTesting.gradient(new RnnNetwork(spec, 3, 12), w, three, r), 1e-13);
        }
    }
}
