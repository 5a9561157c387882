package org.prospect.engine.rnn;

import java.util.Arrays;

/**
 * Runs batches of trials through the rate RNN of MODPROP.md and forms every rule's gradient by one backward
 * recursion. A workspace: it holds the trajectory of the last {@link #forward} (preallocated, shape
 * [steps][batch][units], flat) and reads the weights it was given there; {@link #backward} then works on that
 * trajectory with those weights, so call it before the weights change.
 *
 * <pre>
 * s_t = α s_{t−1} + (1−α) (W_in x_t + W h_{t−1}),   h_t = max(s_t, 0),   y_t = W_out h_t + b_out,   s_{−1} = h_{−1} = 0
 * E   = mean over trials of softmax cross-entropy of y at the last step
 * </pre>
 * Arrays returned by accessors are live views: read, never write. Neither pass allocates.
 */
public final class RnnNetwork {
    private final RnnSpec spec;
    private final int n;
    private final int inputs;
    private final int outputs;
    private final int batch;
    private final int steps;
    private final double alpha;
    private final double leak;
    private final int types;
    private final int[] type;

    private final double[] s;
    private final double[] h;
    private final double[] logits;
    private final double[] probs;
    private final double[] err;
    private final double[] wT;
    private final double[] wInT;
    private final double[] rec;
    private final double[] coef;
    private final int[] rowOff;
    private double[] delta;
    private double[] gLast;
    private double[] prop;
    private double[] v;
    private double[] typeSum;
    private double[] dWT;
    private double[] dWinT;

    private RnnWeights weights;
    private Trial trial;
    private double loss = Double.NaN;
    private int correct;
    private boolean deltaValid;

    public RnnNetwork(RnnSpec spec, int batch, int steps) {
        if (batch <= 0 || steps <= 0) throw new IllegalArgumentException("batch and steps must be positive");
        this.spec = spec;
        this.n = spec.units();
        this.inputs = spec.inputs();
        this.outputs = spec.outputs();
        this.batch = batch;
        this.steps = steps;
        this.alpha = spec.alpha();
        this.leak = 1 - alpha;
        this.types = spec.cellTypes();
        this.type = spec.cellTypeOfUnits();
        long size = (long) steps * batch * n;
        if (size > Integer.MAX_VALUE) throw new IllegalArgumentException("trajectory too large");
        s = new double[(int) size];
        h = new double[(int) size];
        logits = new double[steps * batch * outputs];
        probs = new double[batch * outputs];
        err = new double[batch * outputs];
        wT = new double[n * n];
        wInT = new double[inputs * n];
        rec = new double[n];
        coef = new double[Math.max(n, batch)];
        rowOff = new int[Math.max(n, batch)];
    }

    public RnnSpec spec() { return spec; }

    public int batch() { return batch; }

    public int steps() { return steps; }

    /**
     * Runs the trials with {@code w} and returns the mean cross-entropy at the last step. Keeps {@code w} (by
     * reference) and the trial for {@link #backward}.
     */
    public double forward(RnnWeights w, Trial trial) {
        if (trial.batch() != batch || trial.steps() != steps || trial.inputs() != inputs) {
            throw new IllegalArgumentException("trial is " + trial.steps() + "×" + trial.batch() + "×" + trial.inputs()
                    + ", network expects " + steps + "×" + batch + "×" + inputs);
        }
        this.weights = w;
        this.trial = trial;
        deltaValid = false;
        transpose(w.w, wT, n, n);
        transpose(w.wIn, wInT, n, inputs);
        double[] x = trial.x();
        double[] wOut = w.wOut;
        double[] bOut = w.bOut;
        int bn = batch * n;
        for (int t = 0; t < steps; t++) {
            int off = t * bn;
            for (int b = 0; b < batch; b++) {
                int row = off + b * n;
                Arrays.fill(rec, 0.0);
                if (t > 0) {
                    // Silent units (h = 0) are skipped; the rest go four rows of Wᵀ at a time.
                    int active = gather(h, row - bn, 1.0);
                    combine(active, wT, rec, 0);
                }
                int xo = (t * batch + b) * inputs;
                for (int k = 0; k < inputs; k++) {
                    double xk = x[xo + k];
                    if (xk != 0.0) axpy(xk, wInT, k * n, rec, 0, n);
                }
                if (t > 0) {
                    int prev = row - bn;
                    for (int i = 0; i < n; i++) {
                        double si = alpha * s[prev + i] + leak * rec[i];
                        s[row + i] = si;
                        h[row + i] = Math.max(si, 0.0);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        double si = leak * rec[i];
                        s[row + i] = si;
                        h[row + i] = Math.max(si, 0.0);
                    }
                }
                int lo = (t * batch + b) * outputs;
                for (int o = 0; o < outputs; o++) {
                    double acc = bOut[o];
                    int wo = o * n;
                    for (int i = 0; i < n; i++) acc += wOut[wo + i] * h[row + i];
                    logits[lo + o] = acc;
                }
            }
        }
        // Softmax cross-entropy at the last step; err = (p − onehot)/batch is ∂E/∂y.
        int last = (steps - 1) * batch * outputs;
        double total = 0;
        correct = 0;
        for (int b = 0; b < batch; b++) {
            int lo = last + b * outputs;
            double max = Double.NEGATIVE_INFINITY;
            int arg = 0;
            for (int o = 0; o < outputs; o++) {
                if (logits[lo + o] > max) {
                    max = logits[lo + o];
                    arg = o;
                }
            }
            double z = 0;
            for (int o = 0; o < outputs; o++) z += Math.exp(logits[lo + o] - max);
            int label = trial.labels()[b];
            for (int o = 0; o < outputs; o++) {
                double p = Math.exp(logits[lo + o] - max) / z;
                probs[b * outputs + o] = p;
                err[b * outputs + o] = (p - (o == label ? 1 : 0)) / batch;
            }
            total += -(logits[lo + label] - max - Math.log(z));
            if (arg == label) correct++;
        }
        loss = total / batch;
        return loss;
    }

    /** Mean cross-entropy of the last forward pass (no L2). */
    public double loss() { return loss; }

    /** Fraction of trials whose largest last-step logit is the label. */
    public double accuracy() { return (double) correct / batch; }

    /** Softmax probabilities at the last step, [batch][outputs]. */
    public double[] probabilities() { return probs; }

    /** Potentials s, [steps][batch][units]. */
    public double[] potentials() { return s; }

    /** Rates h = max(s, 0), [steps][batch][units]. */
    public double[] rates() { return h; }

    /** Logits at every step, [steps][batch][outputs]. */
    public double[] logits() { return logits; }

    /** The δ of the last {@link #backward}, [steps][batch][units]; null before the first. */
    public double[] delta() { return deltaValid ? delta : null; }

    /** The trial of the last forward pass. */
    public Trial trial() { return trial; }

    /** The weights of the last forward pass. */
    public RnnWeights weights() { return weights; }

    /**
     * The direct derivative {@code g_t = ∂E/∂h_t} through the readout into {@code out} ([batch][units]);
     * false (and {@code out} zero) when the loss does not read step t. Here: only the last step is read.
     */
    public boolean learningSignal(int t, double[] out) {
        if (t != steps - 1) {
            Arrays.fill(out, 0, batch * n, 0.0);
            return false;
        }
        double[] wOut = weights.wOut;
        for (int b = 0; b < batch; b++) {
            int row = b * n;
            Arrays.fill(out, row, row + n, 0.0);
            for (int o = 0; o < outputs; o++) axpy(err[b * outputs + o], wOut, o * n, out, row, n);
        }
        return true;
    }

    /**
     * The gradient of the last forward pass's loss (no L2) under {@code rule}, into {@code out}: W_out and b_out
     * exactly, W_in and W from the rule's δ (see {@link Rule}). δ is kept for {@link #delta()}.
     */
    public void backward(LearningRule rule, Gradients out) {
        if (weights == null) throw new IllegalStateException("backward before forward");
        ensureBackwardBuffers();
        int bn = batch * n;
        int last = steps - 1;
        double[] wOut = weights.wOut;
        double[] w = weights.w;
        double[] m = rule.typeAveraged() ? weights.blockMeans() : null;

        // Readout: exact, local.
        Arrays.fill(out.dWout, 0.0);
        Arrays.fill(out.dbOut, 0.0);
        int hLast = last * bn;
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < outputs; o++) {
                double e = err[b * outputs + o];
                out.dbOut[o] += e;
                axpy(e, h, hLast + b * n, out.dWout, o * n, n);
            }
        }
        learningSignal(last, gLast);
        Arrays.fill(dWT, 0.0);
        Arrays.fill(dWinT, 0.0);
        double[] x = trial.x();

        for (int t = last; t >= 0; t--) {
            int off = t * bn;
            int next = off + bn;
            boolean hasProp = false;
            switch (rule.rule()) {
                case BPTT -> {
                    if (t < last) {
                        transposedProduct(w, delta, next, prop, leak);
                        hasProp = true;
                    }
                }
                case MDGL -> {
                    if (t + 1 == last) {
                        for (int k = 0; k < bn; k++) v[k] = s[next + k] > 0 ? gLast[k] : 0.0;
                        if (m != null) typeProduct(m, v, 0, prop, leak);
                        else transposedProduct(w, v, 0, prop, leak);
                        hasProp = true;
                    }
                }
                case MODPROP -> {
                    if (t < last) {
                        double c = rule.mu() * leak;
                        if (m != null) typeProduct(m, delta, next, prop, c);
                        else transposedProduct(w, delta, next, prop, c);
                        hasProp = true;
                    }
                }
                case EPROP -> { }
            }
            boolean atLast = t == last;
            if (!hasProp) Arrays.fill(prop, 0.0);
            if (rule.rule() == Rule.MODPROP) {
                // The propagated credit bypasses D_t: μ stands in for the derivative inside the ripple.
                for (int k = 0; k < bn; k++) {
                    double d = s[off + k] > 0 ? 1.0 : 0.0;
                    double g = atLast ? gLast[k] : 0.0;
                    double dn = atLast ? 0.0 : delta[next + k];
                    delta[off + k] = d * g + alpha * dn + prop[k];
                }
            } else {
                for (int k = 0; k < bn; k++) {
                    double d = s[off + k] > 0 ? 1.0 : 0.0;
                    double g = atLast ? gLast[k] : 0.0;
                    double dn = atLast ? 0.0 : delta[next + k];
                    delta[off + k] = d * (g + prop[k]) + alpha * dn;
                }
            }
            accumulate(t, off, x);
        }
        transpose(dWT, out.dW, n, n);
        transpose(dWinT, out.dWin, inputs, n);
        deltaValid = true;
    }

    /** dWᵀ[j][:] += (1−α) h_{t−1}[b][j] δ_t[b][:] and dW_inᵀ[k][:] += (1−α) x_t[b][k] δ_t[b][:]. */
    private void accumulate(int t, int off, double[] x) {
        int bn = batch * n;
        if (t > 0) {
            // Row j of dWᵀ collects all trials' δ_t weighted by h_{t−1}[b][j]: four trials per pass.
            int hoff = off - bn;
            for (int j = 0; j < n; j++) {
                int count = 0;
                for (int b = 0; b < batch; b++) {
                    double hj = h[hoff + b * n + j];
                    if (hj != 0.0) {
                        coef[count] = leak * hj;
                        rowOff[count] = off + b * n;
                        count++;
                    }
                }
                combine(count, delta, dWT, j * n);
            }
        }
        for (int b = 0; b < batch; b++) {
            int drow = off + b * n;
            int xo = (t * batch + b) * inputs;
            for (int k = 0; k < inputs; k++) {
                double xk = x[xo + k];
                if (xk != 0.0) axpy(leak * xk, delta, drow, dWinT, k * n, n);
            }
        }
    }

    /** out[b][p] = c·Σ_i m[i][p]·in[inOff + b·n + i]: the product with the transposed matrix. */
    private void transposedProduct(double[] m, double[] in, int inOff, double[] out, double c) {
        Arrays.fill(out, 0, batch * n, 0.0);
        for (int b = 0; b < batch; b++) {
            int row = b * n;
            int active = gather(in, inOff + row, c);
            combine(active, m, out, row);
        }
    }

    /** Collects the non-zero entries of {@code v[off..off+n)} (times {@code c}) and their row offsets. */
    private int gather(double[] v, int off, double c) {
        int count = 0;
        for (int j = 0; j < n; j++) {
            double vj = v[off + j];
            if (vj != 0.0) {
                coef[count] = c * vj;
                rowOff[count] = j * n;
                count++;
            }
        }
        return count;
    }

    /**
     * {@code y[yo..yo+n) += Σ_k coef[k]·m[rowOff[k]..+n)} over the gathered rows, four at a time: one store per
     * four multiply-adds instead of one per multiply-add, which is what limits a plain axpy.
     */
    private void combine(int count, double[] m, double[] y, int yo) {
        int k = 0;
        for (; k + 3 < count; k += 4) {
            axpy4(coef[k], coef[k + 1], coef[k + 2], coef[k + 3], m, rowOff[k], rowOff[k + 1], rowOff[k + 2],
                    rowOff[k + 3], y, yo, n);
        }
        for (; k < count; k++) axpy(coef[k], m, rowOff[k], y, yo, n);
    }

    static void axpy4(double a0, double a1, double a2, double a3, double[] x, int x0, int x1, int x2, int x3,
                      double[] y, int yo, int len) {
        for (int i = 0; i < len; i++) {
            y[yo + i] += a0 * x[x0 + i] + a1 * x[x1 + i] + a2 * x[x2 + i] + a3 * x[x3 + i];
        }
    }

    /**
     * The same product with {@code W_ab} in O(N·types): {@code (W_abᵀ v)_p = Σ_a M[a][type p] Σ_{i∈a} v_i}, the
     * type-summed signal broadcast by each cell type.
     */
    private void typeProduct(double[] mean, double[] in, int inOff, double[] out, double c) {
        for (int b = 0; b < batch; b++) {
            int row = b * n;
            Arrays.fill(typeSum, 0.0);
            for (int i = 0; i < n; i++) typeSum[type[i]] += in[inOff + row + i];
            for (int p = 0; p < n; p++) {
                int tp = type[p];
                double acc = 0;
                for (int a = 0; a < types; a++) acc += mean[a * types + tp] * typeSum[a];
                out[row + p] = c * acc;
            }
        }
    }

    private void ensureBackwardBuffers() {
        if (delta != null) return;
        delta = new double[s.length];
        gLast = new double[batch * n];
        prop = new double[batch * n];
        v = new double[batch * n];
        typeSum = new double[types];
        dWT = new double[n * n];
        dWinT = new double[inputs * n];
    }

    static void axpy(double a, double[] x, int xo, double[] y, int yo, int len) {
        for (int i = 0; i < len; i++) y[yo + i] += a * x[xo + i];
    }

    /** out (cols×rows) = inᵀ for in (rows×cols), row-major. */
    static void transpose(double[] in, double[] out, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) out[c * rows + r] = in[r * cols + c];
        }
    }
}
