package org.prospect.engine.gle;

import java.util.Arrays;

/**
 * A layered network of GLE neurons and its state, advanced one Euler step at a time exactly as in
 * GLE.md ("Discrete-time update"): every layer reads its neighbours' previous-step values, then all
 * layers commit at once; state starts at zero.
 *
 * <p>All state lives in flat {@code double[]} arrays of shape {@code [batch][neurons]}, allocated once;
 * {@link #step} allocates nothing. Arrays returned by accessors are live views: read, never write.
 */
public final class GleNetwork {
    private final NetworkSpec spec;
    private final int batch;
    private final int layers;
    private Dynamics dynamics;

    final double[][] w;
    final double[][] b;
    final double[][] tauM;
    final double[][] tauR;
    private final boolean[] hasBias;
    private final Activation[] phi;

    // State per layer, [batch][n].
    private final double[][] u;
    private final double[][] uBreve;
    private final double[][] r;
    private final double[][] rPrime;
    private final double[][] v;
    private final double[][] eBreve;
    private final double[][] eIn;
    private final double[][] uDot;
    private final double[][] basal;
    /** {@code feedback[l]} = W_lᵀ ĕ_l from the previous step, shape [batch][fanIn(l)]; read by layer l−1. */
    private final double[][] feedback;
    private final double[] softmax;

    // Plasticity "gradients" of GLE.md: ∂W = −ĕ⊗r_{ℓ−1}, ∂b = −ĕ, ∂τ_m = ĕ⊙u̇ (batch means).
    final double[][] gradW;
    final double[][] gradB;
    final double[][] gradTauM;
    private boolean computeGradients;
    private boolean errorsEnabled = true;
    private long steps;

    public GleNetwork(NetworkSpec spec, Weights weights, Dynamics dynamics, int batch) {
        if (batch <= 0) throw new IllegalArgumentException("batch must be positive, got " + batch);
        if (weights.layerCount() != spec.layerCount()) {
            throw new IllegalArgumentException("weights for " + weights.layerCount() + " layers, network has "
                    + spec.layerCount());
        }
        this.spec = spec;
        this.batch = batch;
        this.layers = spec.layerCount();
        this.dynamics = dynamics;
        w = new double[layers][];
        b = new double[layers][];
        tauM = new double[layers][];
        tauR = new double[layers][];
        hasBias = new boolean[layers];
        phi = new Activation[layers];
        u = new double[layers][];
        uBreve = new double[layers][];
        r = new double[layers][];
        rPrime = new double[layers][];
        v = new double[layers][];
        eBreve = new double[layers][];
        eIn = new double[layers][];
        uDot = new double[layers][];
        basal = new double[layers][];
        feedback = new double[layers][];
        gradW = new double[layers][];
        gradB = new double[layers][];
        gradTauM = new double[layers][];
        for (int l = 0; l < layers; l++) {
            LayerSpec layer = spec.layer(l);
            int n = layer.size();
            int in = spec.fanIn(l);
            double[] wl = weights.weights(l);
            double[] bl = weights.biases(l);
            if (wl.length != n * in) {
                throw new IllegalArgumentException("layer " + l + " weights must be " + n + "x" + in);
            }
            if (bl.length != n) throw new IllegalArgumentException("layer " + l + " biases must have " + n + " values");
            w[l] = wl;
            b[l] = layer.bias() ? bl : new double[n];
            hasBias[l] = layer.bias();
            tauM[l] = layer.tauM();
            tauR[l] = layer.tauR();
            phi[l] = layer.activation();
            u[l] = new double[batch * n];
            uBreve[l] = new double[batch * n];
            r[l] = new double[batch * n];
            rPrime[l] = new double[batch * n];
            v[l] = new double[batch * n];
            eBreve[l] = new double[batch * n];
            eIn[l] = new double[batch * n];
            uDot[l] = new double[batch * n];
            basal[l] = new double[batch * n];
            feedback[l] = new double[batch * in];
            gradW[l] = new double[n * in];
            gradB[l] = new double[n];
            gradTauM[l] = new double[n];
        }
        softmax = new double[spec.outputs()];
    }

    /**
     * Advances the network by one step {@code dt}.
     *
     * @param x      input at this step, [batch][inputs]
     * @param target target for the output at this step, [batch][outputs]; {@code null}: no output error
     */
    public void step(double[] x, double[] target) {
        if (errorsEnabled) {
            instantaneousErrors(target);
        }
        // Top-down, so that layer l still reads the previous step's r_{l−1}; e_in was taken above
        // from the previous step's feedback before any layer overwrites it.
        for (int l = layers - 1; l >= 0; l--) {
            updateLayer(l, l == 0 ? x : r[l - 1]);
        }
        steps++;
    }

    /** e_in = r' ⊙ fb with fb = W_{ℓ+1}ᵀ ĕ_{ℓ+1} (previous step), or the target error at the top. */
    private void instantaneousErrors(double[] target) {
        int top = layers - 1;
        for (int l = 0; l < top; l++) {
            double[] e = eIn[l];
            double[] rp = rPrime[l];
            double[] fb = feedback[l + 1];
            for (int k = 0; k < e.length; k++) {
                e[k] = rp[k] * fb[k];
            }
        }
        double[] e = eIn[top];
        if (target == null) {
            Arrays.fill(e, 0.0);
            return;
        }
        double beta = dynamics.beta();
        double[] rt = r[top];
        double[] rp = rPrime[top];
        int n = spec.outputs();
        if (dynamics.loss() == TargetLoss.MSE) {
            for (int k = 0; k < e.length; k++) {
                e[k] = rp[k] * beta * (target[k] - rt[k]);
            }
        } else {
            for (int s = 0; s < batch; s++) {
                softmax(rt, s * n, n);
                for (int i = 0; i < n; i++) {
                    int k = s * n + i;
                    e[k] = rp[k] * beta * (target[k] - softmax[i]);
                }
            }
        }
    }

    private void softmax(double[] logits, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) max = Math.max(max, logits[off + i]);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            softmax[i] = Math.exp(logits[off + i] - max);
            sum += softmax[i];
        }
        for (int i = 0; i < n; i++) softmax[i] /= sum;
    }

    private void updateLayer(int l, double[] input) {
        int n = spec.layer(l).size();
        int in = spec.fanIn(l);
        double dt = dynamics.dt();
        double gamma = dynamics.gamma();
        boolean prospective = dynamics.prospectiveErrors();
        Activation f = phi[l];
        double[] tm = tauM[l];
        double[] tr = tauR[l];
        double[] ul = u[l];
        double[] ub = uBreve[l];
        double[] rl = r[l];
        double[] rp = rPrime[l];
        double[] vl = v[l];
        double[] eb = eBreve[l];
        double[] ei = eIn[l];
        double[] ud = uDot[l];
        double[] s = basal[l];

        Kernels.affine(w[l], input, b[l], s, batch, n, in);
        for (int sample = 0; sample < batch; sample++) {
            int off = sample * n;
            for (int i = 0; i < n; i++) {
                int k = off + i;
                double error;
                if (!errorsEnabled) {
                    error = 0.0;
                } else if (prospective) {
                    double vDot = (ei[k] - vl[k]) / tr[i];
                    error = vl[k] + tm[i] * vDot;
                    vl[k] += dt * vDot;
                } else {
                    error = ei[k];
                    vl[k] = error;
                }
                eb[k] = error;
                double du = (s[k] + gamma * error - ul[k]) / tm[i];
                double breve = ul[k] + tr[i] * du;
                ul[k] += dt * du;
                ud[k] = du;
                ub[k] = breve;
                rl[k] = f.rate(breve);
                rp[k] = f.derivative(breve);
            }
        }
        if (l > 0 && errorsEnabled) {
            // Sent down for the next step, with W before this step's plasticity.
            Kernels.transposed(w[l], eb, feedback[l], batch, n, in);
        }
        if (computeGradients) {
            double scale = -1.0 / batch;
            Kernels.outer(eb, input, gradW[l], scale, batch, n, in);
            double[] gb = gradB[l];
            double[] gt = gradTauM[l];
            Arrays.fill(gb, 0.0);
            Arrays.fill(gt, 0.0);
            for (int sample = 0; sample < batch; sample++) {
                int off = sample * n;
                for (int i = 0; i < n; i++) {
                    gb[i] -= eb[off + i];
                    gt[i] += eb[off + i] * ud[off + i];
                }
            }
            double mean = 1.0 / batch;
            for (int i = 0; i < n; i++) {
                gb[i] *= mean;
                gt[i] *= mean;
            }
        }
    }

    /** Zeroes all state (u, v, r, r', errors, feedback), as at the start of a run; parameters are kept. */
    public void resetState() {
        for (int l = 0; l < layers; l++) {
            for (double[] a : new double[][] {u[l], uBreve[l], r[l], rPrime[l], v[l], eBreve[l], eIn[l], uDot[l],
                    basal[l], feedback[l]}) {
                Arrays.fill(a, 0.0);
            }
        }
        steps = 0;
    }

    /** The live array of {@code q} for layer {@code l}, [batch][n]; derived quantities are computed into {@code out}. */
    public double[] state(Quantity q, int l) {
        return switch (q) {
            case SOMATIC_POTENTIAL -> u[l];
            case PROSPECTIVE_POTENTIAL -> uBreve[l];
            case RATE -> r[l];
            case ERROR_POTENTIAL -> v[l];
            case PROSPECTIVE_ERROR -> eBreve[l];
            case INSTANTANEOUS_ERROR -> eIn[l];
            case BASAL_POTENTIAL -> basal[l];
            case APICAL_POTENTIAL, INSTANTANEOUS_RATE ->
                    throw new IllegalArgumentException(q + " is derived: use value(q, l, sample, neuron)");
        };
    }

    /** One value of {@code q}: layer {@code l}, batch sample, neuron. */
    public double value(Quantity q, int l, int sample, int neuron) {
        int k = sample * spec.layer(l).size() + neuron;
        return switch (q) {
            case APICAL_POTENTIAL -> dynamics.gamma() * eBreve[l][k];
            case INSTANTANEOUS_RATE -> phi[l].rate(u[l][k]);
            default -> state(q, l)[k];
        };
    }

    /** The output rates, [batch][outputs] (live view). */
    public double[] output() { return r[layers - 1]; }

    /** Rates r of layer l after the last step, [batch][n] (live view). */
    public double[] rates(int l) { return r[l]; }

    /** φ'(ŭ) of layer l from the last step (live view). */
    public double[] rateDerivatives(int l) { return rPrime[l]; }

    /** u̇ of layer l in the last step (live view). */
    public double[] somaticVelocities(int l) { return uDot[l]; }

    public NetworkSpec spec() { return spec; }

    public int batch() { return batch; }

    public Dynamics dynamics() { return dynamics; }

    /** Applies between steps; a change of dt keeps the state. */
    public void setDynamics(Dynamics d) { this.dynamics = d; }

    /** Whether {@link #step} also computes the plasticity gradients (costs an outer product per layer). */
    public void setComputeGradients(boolean on) { this.computeGradients = on; }

    public boolean computesGradients() { return computeGradients; }

    /** Off for a teacher: no error units at all, the network runs freely. */
    public void setErrorsEnabled(boolean on) { this.errorsEnabled = on; }

    public long steps() { return steps; }

    public boolean hasBias(int l) { return hasBias[l]; }

    /** Live weights of layer l, row-major [out][in]. */
    public double[] weights(int l) { return w[l]; }

    public double[] biases(int l) { return b[l]; }

    public double[] tauM(int l) { return tauM[l]; }

    public double[] tauR(int l) { return tauR[l]; }

    public double[] weightGradient(int l) { return gradW[l]; }

    public double[] biasGradient(int l) { return gradB[l]; }

    public double[] tauMGradient(int l) { return gradTauM[l]; }

    /** A copy of the current weights and biases. */
    public Weights snapshot() { return new Weights(w, b); }

    /** Overwrites layer l's time constants (between steps). */
    public void setTimeConstants(int l, double[] newTauM, double[] newTauR) {
        System.arraycopy(newTauM, 0, tauM[l], 0, tauM[l].length);
        System.arraycopy(newTauR, 0, tauR[l], 0, tauR[l].length);
    }

    /** Overwrites the weights and biases (between steps), e.g. after a parameter edit. */
    public void load(Weights weights) {
        for (int l = 0; l < layers; l++) {
            System.arraycopy(weights.weights(l), 0, w[l], 0, w[l].length);
            if (hasBias[l]) System.arraycopy(weights.biases(l), 0, b[l], 0, b[l].length);
        }
    }
}
