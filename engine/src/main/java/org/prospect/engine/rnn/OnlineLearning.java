package org.prospect.engine.rnn;

import java.util.Arrays;

/**
 * The forward-in-time (online) forms of e-prop and type-specific ModProp (MODPROP.md), run over the trajectory of
 * an {@link RnnNetwork}'s last forward pass step by step, using at step τ only what a synapse has by then: its
 * presynaptic history, its postsynaptic derivative φ'(s_τ), the learning signal g_τ and the modulatory signals.
 * <ul>
 * <li>Eligibility trace (per presynaptic unit q, for leaky rate units): {@code ε_{q,τ} = α ε_{q,τ−1} +
 *     (1−α) h_{q,τ−1}}, {@code e_{pq,τ} = φ'(s_{p,τ}) ε_{q,τ}}; inputs use {@code x_τ} instead of h_{τ−1}.</li>
 * <li>e-prop: {@code ∂W_pq += g_{p,τ} e_{pq,τ}}.</li>
 * <li>ModProp adds, with the modulatory signal {@code M_{b,τ} = Σ_{j∈b} φ'(s_{j,τ}) g_{j,τ}} of every type b,
 *     {@code ∂W_pq += Σ_b M_{b,τ} Σ_{k=1..K} F_k(b, type p) (1−α) h_{q,τ−k−1}} (K taps, see
 *     {@link ModPropTaps}).</li>
 * </ul>
 * With {@code K ≥ steps − 1} taps ModProp equals the backward recursion to rounding error; fewer taps truncate the
 * filter. The taps are computed from the weights of the forward pass (W_ab is held fixed within a trial).
 */
public final class OnlineLearning {
    private final RnnSpec spec;
    private final int taps;
    private final double mu;
    private final boolean modProp;
    private double[] lastTaps = new double[0];
    private double[] modulatory = new double[0];

    private OnlineLearning(RnnSpec spec, boolean modProp, double mu, int taps) {
        if (taps < 0) throw new IllegalArgumentException("taps must be ≥ 0");
        this.spec = spec;
        this.modProp = modProp;
        this.mu = mu;
        this.taps = taps;
    }

    public static OnlineLearning eprop(RnnSpec spec) { return new OnlineLearning(spec, false, 0, 0); }

    public static OnlineLearning modProp(RnnSpec spec, double mu, int taps) {
        return new OnlineLearning(spec, true, mu, taps);
    }

    /** The taps used by the last {@link #run}, [taps][types][types] (see {@link ModPropTaps#taps}). */
    public double[] taps() { return lastTaps; }

    /** The modulatory signals M_{b,τ} of the last {@link #run}, [steps][batch][types]. */
    public double[] modulatorySignals() { return modulatory; }

    /** The gradient of {@code net}'s last forward pass (no L2), into {@code out}. */
    public void run(RnnNetwork net, Gradients out) {
        RnnWeights w = net.weights();
        if (w == null) throw new IllegalStateException("run before forward");
        int n = spec.units();
        int inputs = spec.inputs();
        int outputs = spec.outputs();
        int batch = net.batch();
        int steps = net.steps();
        int types = spec.cellTypes();
        int[] type = spec.cellTypeOfUnits();
        double alpha = spec.alpha();
        double leak = 1 - alpha;
        double[] s = net.potentials();
        double[] h = net.rates();
        double[] x = net.trial().x();
        int bn = batch * n;
        int tt = types * types;
        lastTaps = modProp ? ModPropTaps.taps(w, mu, taps) : new double[0];
        modulatory = new double[steps * batch * types];

        double[] eps = new double[bn];
        double[] epsIn = new double[batch * inputs];
        double[] g = new double[bn];
        double[] learn = new double[bn];
        double[] filtered = new double[types * bn];
        double[] filteredIn = new double[types * batch * inputs];
        out.clear();

        for (int tau = 0; tau < steps; tau++) {
            // Traces first: ε_τ holds h up to τ−1 and x up to τ.
            for (int k = 0; k < bn; k++) {
                double hPrev = tau > 0 ? h[(tau - 1) * bn + k] : 0.0;
                eps[k] = alpha * eps[k] + leak * hPrev;
            }
            for (int b = 0; b < batch; b++) {
                for (int k = 0; k < inputs; k++) {
                    int e = b * inputs + k;
                    epsIn[e] = alpha * epsIn[e] + leak * x[(tau * batch + b) * inputs + k];
                }
            }
            if (!net.learningSignal(tau, g)) continue;
            for (int k = 0; k < bn; k++) learn[k] = s[tau * bn + k] > 0 ? g[k] : 0.0;
            for (int b = 0; b < batch; b++) {
                for (int p = 0; p < n; p++) {
                    double lp = learn[b * n + p];
                    modulatory[(tau * batch + b) * types + type[p]] += lp;
                    if (lp == 0.0) continue;
                    RnnNetwork.axpy(lp, eps, b * n, out.dW, p * n, n);
                    RnnNetwork.axpy(lp, epsIn, b * inputs, out.dWin, p * inputs, inputs);
                }
            }
            if (!modProp) continue;
            // Presynaptic history filtered by the taps seen by a type-a cell, summed over the sending types b
            // weighted by their modulatory signal: filtered[a][b][q] = Σ_b' M_b' Σ_k F_k(b',a) (1−α) h_{q,τ−k−1}.
            Arrays.fill(filtered, 0.0);
            Arrays.fill(filteredIn, 0.0);
            for (int a = 0; a < types; a++) {
                for (int k = 1; k <= taps; k++) {
                    for (int b = 0; b < batch; b++) {
                        double weight = 0;
                        for (int sender = 0; sender < types; sender++) {
                            weight += modulatory[(tau * batch + b) * types + sender]
                                    * lastTaps[(k - 1) * tt + sender * types + a];
                        }
                        if (weight == 0.0) continue;
                        int th = tau - k - 1;
                        if (th >= 0) RnnNetwork.axpy(leak * weight, h, th * bn + b * n, filtered, a * bn + b * n, n);
                        int tx = tau - k;
                        if (tx >= 0) {
                            RnnNetwork.axpy(leak * weight, x, (tx * batch + b) * inputs, filteredIn,
                                    (a * batch + b) * inputs, inputs);
                        }
                    }
                }
            }
            for (int p = 0; p < n; p++) {
                int a = type[p];
                for (int b = 0; b < batch; b++) {
                    RnnNetwork.axpy(1.0, filtered, a * bn + b * n, out.dW, p * n, n);
                    RnnNetwork.axpy(1.0, filteredIn, (a * batch + b) * inputs, out.dWin, p * inputs, inputs);
                }
            }
        }
        // The readout gradient is local and exact, the same for every rule.
        double[] probs = net.probabilities();
        int last = (steps - 1) * bn;
        int[] labels = net.trial().labels();
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < outputs; o++) {
                double e = (probs[b * outputs + o] - (o == labels[b] ? 1 : 0)) / batch;
                out.dbOut[o] += e;
                RnnNetwork.axpy(e, h, last + b * n, out.dWout, o * n, n);
            }
        }
    }
}
