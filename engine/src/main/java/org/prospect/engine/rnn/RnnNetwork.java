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
 *
 * <p>The batch is split into {@link SliceCrew#SLICES} slices of trials that run each pass independently (on two
 * threads for big enough networks, see {@link SliceCrew}); the weight gradient is summed per slice and the slices
 * added in order, so the numbers do not depend on the number of threads.
 */
public final class RnnNetwork {
    /** Multiply-adds of one forward pass from which the second slice gets its own thread. */
    private static final long PARALLEL_FROM = 1L << 22;

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
    private final int[] sliceStart;
    /** Each slice's scratch for {@link RowProducts#add}: the non-zero coefficients and their rows. */
    private final double[][] coef;
    private final int[][] index;

    private final double[] s;
    private final double[] h;
    private final double[] logits;
    private final double[] probs;
    private final double[] err;
    // Matrices the kernel reads or writes row by row are kept as arrays of rows (see RowProducts).
    private final double[][] wT;
    private final double[][] wRows;
    private final double[][] wInT;
    /** W_in x_t + W h_{t−1} of every trial at the current step. */
    private final double[][] input;
    private double[] delta;
    /** δ_t of every trial, the rows the weight gradient reads. */
    private double[][] deltaRows;
    private double[] gLast;
    private double[][] prop;
    private double[] v;
    private double[][] typeSum;
    private double[][][] dWT;
    private double[][] dWinT;

    private SliceCrew crew;
    private final SliceCrew.Part forwardPart = this::forwardSlice;
    private final SliceCrew.Part backwardPart = this::backwardSlice;

    private RnnWeights weights;
    private Trial trial;
    private double loss = Double.NaN;
    private int correct;
    private boolean deltaValid;
    private LearningRule backwardRule;
    private double[] backwardMeans;
    /** The type means of W for a W_ab rule's pass: formed once per backward pass into this, not a new array. */
    private final double[] blockMeans;

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
        this.blockMeans = new double[types * types];
        this.type = spec.cellTypeOfUnits();
        long size = (long) steps * batch * n;
        if (size > Integer.MAX_VALUE) throw new IllegalArgumentException("trajectory too large");
        s = new double[(int) size];
        h = new double[(int) size];
        logits = new double[steps * batch * outputs];
        probs = new double[batch * outputs];
        err = new double[batch * outputs];
        wT = new double[n][n];
        wRows = new double[n][n];
        wInT = new double[inputs][n];
        input = new double[batch][n];
        sliceStart = new int[SliceCrew.SLICES + 1];
        for (int k = 0; k <= SliceCrew.SLICES; k++) sliceStart[k] = batch * k / SliceCrew.SLICES;
        coef = new double[SliceCrew.SLICES][Math.max(n, batch)];
        index = new int[SliceCrew.SLICES][Math.max(n, batch)];
        boolean big = size * n >= PARALLEL_FROM && batch >= SliceCrew.SLICES;
        crew = new SliceCrew(big && Runtime.getRuntime().availableProcessors() > 1);
    }

    /** Runs the second slice on its own thread (or not), whatever the network's size; the numbers are the same. */
    void setParallel(boolean parallel) {
        crew = new SliceCrew(parallel);
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
        for (int i = 0; i < n; i++) {
            System.arraycopy(w.w, i * n, wRows[i], 0, n);
            for (int j = 0; j < n; j++) wT[j][i] = w.w[i * n + j];
            for (int k = 0; k < inputs; k++) wInT[k][i] = w.wIn[i * inputs + k];
        }
        crew.run(forwardPart);
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

    /** The trials of one slice through every step: s, h and the logits. */
    private void forwardSlice(int slice) {
        int b0 = sliceStart[slice];
        int rows = sliceStart[slice + 1] - b0;
        if (rows == 0) return;
        double[] x = trial.x();
        double[] wOut = weights.wOut;
        double[] bOut = weights.bOut;
        int bn = batch * n;
        for (int t = 0; t < steps; t++) {
            int first = t * bn + b0 * n;
            for (int b = b0; b < b0 + rows; b++) {
                double[] in = input[b];
                Arrays.fill(in, 0.0);
                int xo = (t * batch + b) * inputs;
                for (int k = 0; k < inputs; k++) {
                    double xk = x[xo + k];
                    if (xk != 0.0) axpy(xk, wInT[k], 0, in, 0, n);
                }
            }
            // W h_{t−1} for all the slice's trials at once.
            if (t > 0) RowProducts.add(1.0, h, first - bn, n, 1, rows, n, wT, 0, input, b0, n, coef[slice], index[slice]);
            for (int b = b0; b < b0 + rows; b++) {
                int row = t * bn + b * n;
                double[] in = input[b];
                if (t > 0) {
                    for (int i = 0; i < n; i++) s[row + i] = alpha * s[row - bn + i] + leak * in[i];
                } else {
                    for (int i = 0; i < n; i++) s[row + i] = leak * in[i];
                }
                for (int i = 0; i < n; i++) h[row + i] = Math.max(s[row + i], 0.0);
                int lo = (t * batch + b) * outputs;
                for (int o = 0; o < outputs; o++) {
                    double acc = bOut[o];
                    int wo = o * n;
                    for (int i = 0; i < n; i++) acc += wOut[wo + i] * h[row + i];
                    logits[lo + o] = acc;
                }
            }
        }
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
        backwardRule = rule;
        backwardMeans = rule.typeAveraged() ? weights.blockMeans(blockMeans) : null;
        crew.run(backwardPart);
        backwardRule = null;
        backwardMeans = null;
        // The slices' sums, added in slice order.
        for (int k = 1; k < SliceCrew.SLICES; k++) {
            for (int j = 0; j < n; j++) addTo(dWT[0][j], dWT[k][j]);
            addTo(dWinT[0], dWinT[k]);
        }
        for (int j = 0; j < n; j++) {
            double[] row = dWT[0][j];
            for (int i = 0; i < n; i++) out.dW[i * n + j] = row[i];
        }
        transpose(dWinT[0], out.dWin, inputs, n);
        deltaValid = true;
    }

    /** δ of one slice's trials, step by step from the last, and the slice's share of the weight gradient. */
    private void backwardSlice(int slice) {
        int b0 = sliceStart[slice];
        int rows = sliceStart[slice + 1] - b0;
        double[][] sliceDWT = dWT[slice];
        double[] sliceDWinT = dWinT[slice];
        for (double[] row : sliceDWT) Arrays.fill(row, 0.0);
        Arrays.fill(sliceDWinT, 0.0);
        if (rows == 0) return;
        LearningRule rule = backwardRule;
        double[] m = backwardMeans;
        double[][] w = wRows;
        double[] x = trial.x();
        int bn = batch * n;
        int last = steps - 1;
        // This slice's rows of the batch-wide buffers: [lo, hi).
        int lo = b0 * n;
        int hi = lo + rows * n;
        for (int t = last; t >= 0; t--) {
            int off = t * bn;
            int next = off + bn;
            boolean hasProp = false;
            switch (rule.rule()) {
                case BPTT -> {
                    if (t < last) {
                        transposedProduct(slice, w, delta, next, lo, rows, leak);
                        hasProp = true;
                    }
                }
                case MDGL -> {
                    if (t + 1 == last) {
                        for (int k = lo; k < hi; k++) v[k] = s[next + k] > 0 ? gLast[k] : 0.0;
                        if (m != null) typeProduct(m, v, 0, lo, rows, typeSum[slice], leak);
                        else transposedProduct(slice, w, v, 0, lo, rows, leak);
                        hasProp = true;
                    }
                }
                case MODPROP -> {
                    if (t < last) {
                        double c = rule.mu() * leak;
                        if (m != null) typeProduct(m, delta, next, lo, rows, typeSum[slice], c);
                        else transposedProduct(slice, w, delta, next, lo, rows, c);
                        hasProp = true;
                    }
                }
                case EPROP -> { }
            }
            boolean atLast = t == last;
            boolean modProp = rule.rule() == Rule.MODPROP;
            for (int b = b0; b < b0 + rows; b++) {
                double[] p = prop[b];
                double[] d = deltaRows[b];
                if (!hasProp) Arrays.fill(p, 0.0);
                int row = b * n;
                for (int i = 0; i < n; i++) {
                    int k = row + i;
                    double active = s[off + k] > 0 ? 1.0 : 0.0;
                    double g = atLast ? gLast[k] : 0.0;
                    double dn = atLast ? 0.0 : delta[next + k];
                    // ModProp: the propagated credit bypasses D_t, μ stands in for the derivative inside the ripple.
                    d[i] = modProp ? active * g + alpha * dn + p[i] : active * (g + p[i]) + alpha * dn;
                }
                System.arraycopy(d, 0, delta, off + row, n);
            }
            // dWᵀ[j][:] += (1−α) Σ_b h_{t−1}[b][j] δ_t[b][:]: h read transposed, the slice's trials as depth.
            if (t > 0) RowProducts.add(leak, h, off - bn + lo, 1, n, n, rows, deltaRows, b0, sliceDWT, 0, n, coef[slice],
                    index[slice]);
            // dW_inᵀ[k][:] += (1−α) x_t[b][k] δ_t[b][:].
            for (int b = b0; b < b0 + rows; b++) {
                int drow = off + b * n;
                int xo = (t * batch + b) * inputs;
                for (int k = 0; k < inputs; k++) {
                    double xk = x[xo + k];
                    if (xk != 0.0) axpy(leak * xk, delta, drow, sliceDWinT, k * n, n);
                }
            }
        }
    }

    /** prop[b][p] = c·Σ_i m[i][p]·in[inOff + b·n + i] for the slice's rows: the product with the transposed matrix. */
    private void transposedProduct(int slice, double[][] m, double[] in, int inOff, int lo, int rows, double c) {
        int b0 = lo / n;
        for (int r = 0; r < rows; r++) Arrays.fill(prop[b0 + r], 0.0);
        RowProducts.add(c, in, inOff + lo, n, 1, rows, n, m, 0, prop, b0, n, coef[slice], index[slice]);
    }

    /**
     * The same product with {@code W_ab} in O(N·types): {@code (W_abᵀ v)_p = Σ_a M[a][type p] Σ_{i∈a} v_i}, the
     * type-summed signal broadcast by each cell type.
     */
    private void typeProduct(double[] mean, double[] in, int inOff, int lo, int rows, double[] typeSum, double c) {
        for (int r = 0; r < rows; r++) {
            int row = lo + r * n;
            double[] out = prop[row / n];
            Arrays.fill(typeSum, 0.0);
            for (int i = 0; i < n; i++) typeSum[type[i]] += in[inOff + row + i];
            for (int p = 0; p < n; p++) {
                int tp = type[p];
                double acc = 0;
                for (int a = 0; a < types; a++) acc += mean[a * types + tp] * typeSum[a];
                out[p] = c * acc;
            }
        }
    }

    private void ensureBackwardBuffers() {
        if (delta != null) return;
        delta = new double[s.length];
        gLast = new double[batch * n];
        prop = new double[batch][n];
        deltaRows = new double[batch][n];
        v = new double[batch * n];
        typeSum = new double[SliceCrew.SLICES][types];
        dWT = new double[SliceCrew.SLICES][n][n];
        dWinT = new double[SliceCrew.SLICES][inputs * n];
    }

    private static void addTo(double[] y, double[] x) {
        for (int i = 0; i < y.length; i++) y[i] += x[i];
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
