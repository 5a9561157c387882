package org.prospect.engine.rnn;

import java.util.Arrays;

/** Gradient arrays shaped like {@link RnnWeights}: {@code dWin}, {@code dW}, {@code dWout}, {@code dbOut}. */
public final class Gradients {
    public final double[] dWin;
    public final double[] dW;
    public final double[] dWout;
    public final double[] dbOut;

    public Gradients(RnnSpec spec) {
        int n = spec.units();
        dWin = new double[n * spec.inputs()];
        dW = new double[n * n];
        dWout = new double[spec.outputs() * n];
        dbOut = new double[spec.outputs()];
    }

    public void clear() {
        Arrays.fill(dWin, 0);
        Arrays.fill(dW, 0);
        Arrays.fill(dWout, 0);
        Arrays.fill(dbOut, 0);
    }

    public void setTo(Gradients o) {
        System.arraycopy(o.dWin, 0, dWin, 0, dWin.length);
        System.arraycopy(o.dW, 0, dW, 0, dW.length);
        System.arraycopy(o.dWout, 0, dWout, 0, dWout.length);
        System.arraycopy(o.dbOut, 0, dbOut, 0, dbOut.length);
    }

    /** Adds the gradient of {@code l2·½‖W‖²} over W_in, W and W_out (not the output bias). */
    public void addL2(RnnWeights w, double l2) {
        for (int k = 0; k < dWin.length; k++) dWin[k] += l2 * w.wIn[k];
        for (int k = 0; k < dW.length; k++) dW[k] += l2 * w.w[k];
        for (int k = 0; k < dWout.length; k++) dWout[k] += l2 * w.wOut[k];
    }

    /** Cosine between the recurrent gradients {@code dW} (the part where the rules differ most). */
    public double cosineRecurrent(Gradients o) {
        return cosine(dW, o.dW);
    }

    /** Cosine between the concatenated (W_in, W) gradients: everything a rule approximates. */
    public double cosineInputAndRecurrent(Gradients o) {
        double dot = dot(dWin, o.dWin) + dot(dW, o.dW);
        double a = dot(dWin, dWin) + dot(dW, dW);
        double b = dot(o.dWin, o.dWin) + dot(o.dW, o.dW);
        return dot / Math.sqrt(a * b);
    }

    static double cosine(double[] a, double[] b) {
        return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += a[k] * b[k];
        return s;
    }
}
