package org.prospect.engine.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

/** Small networks and trials shared by the RNN tests. */
final class RnnTesting {
    private RnnTesting() {}

    /** 8 units (6 E, 2 I), 2 inputs, 2 outputs, τ = 5 dt so that a 15-step trial has real temporal credit. */
    static RnnSpec small(long seed) {
        return new RnnSpec(8, 2, 2, 1.0, 5.0, 0.75, 2, seed);
    }

    /** Random trials with inputs {@code offset + U(0,1)} per step and random labels. */
    static Trial randomTrial(RnnSpec spec, int steps, int batch, double offset, long seed) {
        Random r = new Random(seed);
        double[] x = new double[steps * batch * spec.inputs()];
        for (int k = 0; k < x.length; k++) x[k] = offset + r.nextDouble();
        int[] labels = new int[batch];
        for (int b = 0; b < batch; b++) labels[b] = r.nextInt(spec.outputs());
        return new Trial(steps, batch, spec.inputs(), x, labels, new int[2 * batch]);
    }

    /** Initial weights with the recurrent matrix scaled by {@code recurrentScale} and inputs by {@code inScale}. */
    static RnnWeights scaled(RnnSpec spec, double inScale, double recurrentScale) {
        RnnWeights w = RnnWeights.initial(spec);
        for (int k = 0; k < w.wIn.length; k++) w.wIn[k] *= inScale;
        for (int k = 0; k < w.w.length; k++) w.w[k] *= recurrentScale;
        return w;
    }

    /** Element-wise equality up to {@code tol} relative to the largest magnitude in {@code expected}. */
    static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        double scale = 0;
        for (double v : expected) scale = Math.max(scale, Math.abs(v));
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], tol * Math.max(scale, 1e-300), what + " index " + k);
        }
    }

    static void assertGradientsClose(Gradients expected, Gradients actual, double tol) {
        assertClose(expected.dWin, actual.dWin, tol, "dWin");
        assertClose(expected.dW, actual.dW, tol, "dW");
        assertClose(expected.dWout, actual.dWout, tol, "dWout");
        assertClose(expected.dbOut, actual.dbOut, tol, "dbOut");
    }

    static Gradients gradient(RnnNetwork net, RnnWeights w, Trial trial, LearningRule rule) {
        Gradients g = new Gradients(w.spec());
        net.forward(w, trial);
        net.backward(rule, g);
        return g;
    }
}
