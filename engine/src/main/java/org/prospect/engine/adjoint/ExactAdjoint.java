package org.prospect.engine.adjoint;

import java.util.Arrays;
import org.prospect.engine.gle.GleNetwork;
import org.prospect.engine.gle.NetworkSpec;
import org.prospect.engine.gle.TargetLoss;

/**
 * Backpropagation through time over a recorded {@link Trajectory} of the GLE dynamics with no error
 * nudging (GLE.md, "Exact adjoint"). With {@code u_t = u_{t−1} + dt·u̇_t}, {@code ŭ_t = u_{t−1} + τ_r·u̇_t},
 * {@code u̇_t = (s_t − u_{t−1})/τ_m} and {@code s_t = W r_{ℓ−1,t−1} + b}, the recursion is
 * <pre>
 *   ∂L/∂ŭ_t = (∂L/∂r_t) ⊙ φ'(ŭ_t)
 *   λ_t     = λ_{t+1}(1 − dt/τ_m) + ∂L/∂ŭ_{t+1}(1 − τ_r/τ_m)        λ_last = 0
 *   ∂L/∂s_t = λ_t·dt/τ_m + ∂L/∂ŭ_t·τ_r/τ_m
 *   ∂L/∂r_{ℓ,t} = ∂ℓ_t/∂r (top) + W_{ℓ+1}ᵀ ∂L/∂s_{ℓ+1,t+1}
 *   ∂L/∂W = Σ_t ∂L/∂s_t ⊗ r_{ℓ−1,t−1},  ∂L/∂b = Σ_t ∂L/∂s_t,  ∂L/∂τ_m = −Σ_t ∂L/∂s_t ⊙ u̇_t
 * </pre>
 * The loss is {@code L = Σ_t weight·ℓ_t} with ℓ_t = ½‖target_t − r_t‖² (MSE) or the cross-entropy of
 * softmax(r_t), averaged over the batch.
 *
 * <p>Both λ and ∂L/∂s are kept per step. λ is GLE.md's adjoint, but for a neuron with τ_r = τ_m the
 * prospective ŭ_t = s_t does not depend on u_{t−1}, so its λ is identically 0 although the neuron does get
 * credit. ∂L/∂s is what multiplies the presynaptic rate in ∂L/∂W, the quantity GLE's ĕ estimates
 * ({@code ΔW_GLE ∝ ĕ ⊗ r}); divided by dt it is the continuous adjoint in ĕ's units, the paper's λ in Fig. 6.
 */
public final class ExactAdjoint {
    private final NetworkSpec spec;
    private final int batch;
    /** λ = ∂L/∂u per step and layer, [step][layer][batch·n]. */
    private final double[][][] lambda;
    /** ∂L/∂s per step and layer, [step][layer][batch·n]; step t+1's is what layer ℓ−1's ∂L/∂r_t needs. */
    private final double[][][] basalGradient;
    private final double[][] gradRate;
    private final double[][] gradBreve;
    private final double[][] gradBreveNext;
    private final double[][] gradW;
    private final double[][] gradB;
    private final double[][] gradTauM;
    private final double[] softmax;
    /** Below this many neurons (or inputs) a layer's loops run over the samples innermost. */
    private static final int NARROW = 8;
    /**
     * Per layer and neuron, the coefficients of the backward recursion, constant over a window: λ's decay
     * 1 − dt/τ_m, ŭ's share 1 − τ_r/τ_m, and the weights dt/τ_m and τ_r/τ_m of λ and ∂L/∂ŭ in ∂L/∂s. Taken once
     * per window, so that the loop over steps and samples neither divides nor takes a remainder (it ran at
     * 2.4 µs per LagLine step at batch 100, more than the forward step, on the dashboard's worker thread).
     */
    private final double[][] lambdaDecay;
    private final double[][] breveShare;
    private final double[][] lambdaToBasal;
    private final double[][] breveToBasal;
    /** The network's parameters for {@link #compute(Trajectory, GleNetwork, double)}. */
    private final NetworkParameters current;
    private double loss;
    private int length;

    public ExactAdjoint(NetworkSpec spec, int batch, int capacity) {
        this.spec = spec;
        this.batch = batch;
        int layers = spec.layerCount();
        lambda = new double[capacity][layers][];
        basalGradient = new double[capacity][layers][];
        gradRate = new double[layers][];
        gradBreve = new double[layers][];
        gradBreveNext = new double[layers][];
        gradW = new double[layers][];
        gradB = new double[layers][];
        gradTauM = new double[layers][];
        lambdaDecay = new double[layers][];
        breveShare = new double[layers][];
        lambdaToBasal = new double[layers][];
        breveToBasal = new double[layers][];
        for (int l = 0; l < layers; l++) {
            int size = spec.layer(l).size();
            lambdaDecay[l] = new double[size];
            breveShare[l] = new double[size];
            lambdaToBasal[l] = new double[size];
            breveToBasal[l] = new double[size];
        }
        for (int l = 0; l < layers; l++) {
            int n = spec.layer(l).size();
            for (int t = 0; t < capacity; t++) {
                lambda[t][l] = new double[batch * n];
                basalGradient[t][l] = new double[batch * n];
            }
            gradRate[l] = new double[batch * n];
            gradBreve[l] = new double[batch * n];
            gradBreveNext[l] = new double[batch * n];
            gradW[l] = new double[n * spec.fanIn(l)];
            gradB[l] = new double[n];
            gradTauM[l] = new double[n];
        }
        softmax = new double[spec.outputs()];
        current = new NetworkParameters(spec);
    }

    /**
     * Back-propagates through {@code tr} with the network's current weights and time constants.
     *
     * @param lossWeight weight of each step's loss (GLE.md's definition uses {@code dt})
     */
    public void compute(Trajectory tr, GleNetwork net, double lossWeight) {
        current.copyFrom(net);
        compute(tr, current, lossWeight);
    }

    /** Back-propagates through {@code tr} with parameters copied from the network earlier (any thread). */
    public void compute(Trajectory tr, NetworkParameters net, double lossWeight) {
        double dt = net.dt;
        int layers = spec.layerCount();
        int top = layers - 1;
        int steps = tr.length();
        length = steps;
        loss = 0;
        for (int l = 0; l < layers; l++) {
            Arrays.fill(gradW[l], 0.0);
            Arrays.fill(gradB[l], 0.0);
            Arrays.fill(gradTauM[l], 0.0);
            Arrays.fill(gradBreveNext[l], 0.0);
            double[] tm = net.tauM[l];
            double[] tr2 = net.tauR[l];
            for (int i = 0; i < tm.length; i++) {
                lambdaDecay[l][i] = 1 - dt / tm[i];
                breveShare[l][i] = 1 - tr2[i] / tm[i];
                lambdaToBasal[l][i] = dt / tm[i];
                breveToBasal[l][i] = tr2[i] / tm[i];
            }
        }
        double mean = 1.0 / batch;
        for (int t = steps - 1; t >= 0; t--) {
            // ∂L/∂r for every layer at step t, from the loss (top) and from layer ℓ+1's basal input at t+1.
            outputLossGradient(tr, t, lossWeight * mean, net.loss);
            for (int l = 0; l < top; l++) {
                int n = spec.layer(l).size();
                int nUp = spec.layer(l + 1).size();
                double[] gr = gradRate[l];
                Arrays.fill(gr, 0.0);
                if (t + 1 < steps) {
                    double[] wUp = net.weights[l + 1];
                    double[] gsUp = basalGradient[t + 1][l + 1];
                    if (n < NARROW) {
                        // Samples innermost: one loop of the batch's length rather than one of n per sample;
                        // each element still sums its terms in ascending i.
                        for (int i = 0; i < nUp; i++) {
                            for (int j = 0; j < n; j++) {
                                double w = wUp[i * n + j];
                                for (int s = 0; s < batch; s++) gr[s * n + j] += gsUp[s * nUp + i] * w;
                            }
                        }
                    } else {
                        for (int s = 0; s < batch; s++) {
                            for (int i = 0; i < nUp; i++) {
                                double g = gsUp[s * nUp + i];
                                int row = i * n;
                                for (int j = 0; j < n; j++) gr[s * n + j] += g * wUp[row + j];
                            }
                        }
                    }
                }
            }
            for (int l = 0; l < layers; l++) {
                int n = spec.layer(l).size();
                double[] decay = lambdaDecay[l];
                double[] share = breveShare[l];
                double[] fromLambda = lambdaToBasal[l];
                double[] fromBreve = breveToBasal[l];
                double[] lam = lambda[t][l];
                double[] gb = gradBreve[l];
                double[] gr = gradRate[l];
                double[] gs = basalGradient[t][l];
                double[] rp = tr.rateDerivative[t][l];
                double[] lamNext = t + 1 < steps ? lambda[t + 1][l] : null;
                double[] gbNext = gradBreveNext[l];
                if (n < NARROW) {
                    // Per neuron, over the samples: a long loop even for LagLine's single neurons.
                    for (int i = 0; i < n; i++) {
                        double a = decay[i], b = share[i], c = fromLambda[i], d = fromBreve[i];
                        for (int k = i; k < batch * n; k += n) {
                            gb[k] = gr[k] * rp[k];
                            lam[k] = lamNext == null ? 0.0 : lamNext[k] * a + gbNext[k] * b;
                            gs[k] = lam[k] * c + gb[k] * d;
                        }
                    }
                } else {
                    for (int s = 0; s < batch; s++) {
                        for (int i = 0, k = s * n; i < n; i++, k++) {
                            gb[k] = gr[k] * rp[k];
                            lam[k] = lamNext == null ? 0.0 : lamNext[k] * decay[i] + gbNext[k] * share[i];
                            gs[k] = lam[k] * fromLambda[i] + gb[k] * fromBreve[i];
                        }
                    }
                }
                int in = spec.fanIn(l);
                double[] pre = l == 0 ? tr.x[t] : (t > 0 ? tr.rate[t - 1][l - 1] : tr.rateBefore[l - 1]);
                double[] uDot = tr.somaticVelocity[t][l];
                double[] gw = gradW[l];
                if (in < NARROW) {
                    // Samples innermost, summed in a register: the same terms in the same order (ascending s).
                    for (int i = 0; i < n; i++) {
                        double bias = gradB[l][i];
                        double tau = gradTauM[l][i];
                        for (int s = 0; s < batch; s++) {
                            double g = gs[s * n + i];
                            bias += g;
                            tau -= g * uDot[s * n + i];
                        }
                        gradB[l][i] = bias;
                        gradTauM[l][i] = tau;
                        for (int j = 0; j < in; j++) {
                            double acc = gw[i * in + j];
                            for (int s = 0; s < batch; s++) acc += gs[s * n + i] * pre[s * in + j];
                            gw[i * in + j] = acc;
                        }
                    }
                } else {
                    for (int s = 0; s < batch; s++) {
                        for (int i = 0; i < n; i++) {
                            double g = gs[s * n + i];
                            gradB[l][i] += g;
                            gradTauM[l][i] -= g * uDot[s * n + i];
                            int row = i * in;
                            for (int j = 0; j < in; j++) gw[row + j] += g * pre[s * in + j];
                        }
                    }
                }
            }
            for (int l = 0; l < layers; l++) {
                System.arraycopy(gradBreve[l], 0, gradBreveNext[l], 0, gradBreve[l].length);
            }
        }
    }

    private void outputLossGradient(Trajectory tr, int t, double weight, TargetLoss kind) {
        int top = spec.layerCount() - 1;
        int n = spec.outputs();
        double[] gr = gradRate[top];
        double[] out = tr.rate[t][top];
        double[] target = tr.target[t];
        for (int s = 0; s < batch; s++) {
            int off = s * n;
            if (kind == TargetLoss.MSE) {
                for (int i = 0; i < n; i++) {
                    double diff = out[off + i] - target[off + i];
                    loss += weight * 0.5 * diff * diff;
                    gr[off + i] = weight * diff;
                }
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) max = Math.max(max, out[off + i]);
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    softmax[i] = Math.exp(out[off + i] - max);
                    sum += softmax[i];
                }
                for (int i = 0; i < n; i++) {
                    double p = softmax[i] / sum;
                    loss -= weight * target[off + i] * Math.log(Math.max(p, Double.MIN_NORMAL));
                    gr[off + i] = weight * (p - target[off + i]);
                }
            }
        }
    }

    public double loss() { return loss; }

    /** Steps covered by the last {@link #compute}. */
    public int length() { return length; }

    /** λ_{ℓ,t} = ∂L/∂u_{ℓ,t}, [batch·n] (live view). */
    public double[] lambda(int t, int l) { return lambda[t][l]; }

    /**
     * ∂L/∂s_{ℓ,t}, the gradient with respect to the basal input s = W r_{ℓ−1} + b at step t, [batch·n] (live
     * view). {@code basalGradient(t, l) / dt} is the exact error in the units of GLE's ĕ: ĕ estimates its
     * negative, scaled by β (and ×batch for one sample, since L is a batch mean).
     */
    public double[] basalGradient(int t, int l) { return basalGradient[t][l]; }

    /** ∂L/∂W_ℓ, row-major [out][in] (live view). */
    public double[] weightGradient(int l) { return gradW[l]; }

    public double[] biasGradient(int l) { return gradB[l]; }

    public double[] tauMGradient(int l) { return gradTauM[l]; }
}
