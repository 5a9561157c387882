package org.prospect.engine.gle;

import java.util.Arrays;

/**
 * A layered network of GLE neurons and its state, advanced one Euler step at a time exactly as in
 * GLE.md ("Discrete-time update"): every layer reads its neighbours' previous-step values, then all
 * layers commit at once; state starts at zero.
 *
 * <p>All state lives in flat {@code double[]} arrays of shape {@code [batch][neurons]}, allocated once;
 * {@link #step} allocates nothing. Arrays returned by accessors are live views: read, never write (parameters
 * excepted: weights, biases and τ may be written between steps).
 *
 * <p>Large steps are shared between two threads (see {@link StepCrew}); the results are identical to a
 * single thread's. Only one thread at a time may call {@link #step}.
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
    /** The softmax of the output, per sample (cross-entropy loss). */
    private final double[] softmax;
    /** Wᵀ per layer, [in][n], where the forward product runs as an axpy over it (see Kernels); else null. */
    private final double[][] wT;
    /** Scaled ĕ of each layer transposed to [n][batch], the left factor of the gradient's outer product. */
    private final double[][] errorsTransposed;
    /** Each worker's row arrays for the products (see {@link Kernels.Rows}). */
    private final Kernels.Rows[] rows;
    /** Neurons and fan-in per layer (read in every phase of a step). */
    private final int[] size;
    private final int[] fanIn;
    /** The time constants of each layer as the neuron update reads them (see {@link TimeConstants}). */
    private final TimeConstants[] timeConstants;
    /** The helper threads of a step, or null when one thread does it all. */
    private final StepCrew crew;
    /** Whether the crew or the stepping thread alone is faster at present (see {@link CrewChoice}). */
    private final CrewChoice crewChoice = new CrewChoice();
    /** The arguments of the step being taken, for the workers. */
    private double[] stepInput;
    private double[] stepTarget;

    // Plasticity "gradients" of GLE.md: ∂W = −ĕ⊗r_{ℓ−1}, ∂b = −ĕ, ∂τ_m = ĕ⊙u̇ (batch means).
    final double[][] gradW;
    final double[][] gradB;
    final double[][] gradTauM;
    private boolean computeGradients;
    private boolean errorsEnabled = true;
    private long steps;

    public GleNetwork(NetworkSpec spec, Weights weights, Dynamics dynamics, int batch) {
        this(spec, weights, dynamics, batch, defaultWorkers(spec, batch));
    }

    /**
     * A network whose steps are shared by {@code workers} threads (1: the stepping thread alone). The results
     * are the same for any number of workers.
     */
    public GleNetwork(NetworkSpec spec, Weights weights, Dynamics dynamics, int batch, int workers) {
        if (workers < 1) throw new IllegalArgumentException("workers must be positive, got " + workers);
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
        softmax = new double[batch * spec.outputs()];
        wT = new double[layers][];
        errorsTransposed = new double[layers][];
        for (int l = 0; l < layers; l++) {
            int n = spec.layer(l).size();
            // At batch 1 the transpose would cost as much as the product it speeds up.
            if (batch > 1 && n >= Kernels.MIN_AXPY_WIDTH) wT[l] = new double[n * spec.fanIn(l)];
            errorsTransposed[l] = new double[n * batch];
        }
        size = new int[layers];
        fanIn = new int[layers];
        timeConstants = new TimeConstants[layers];
        for (int l = 0; l < layers; l++) {
            size[l] = spec.layer(l).size();
            fanIn[l] = spec.fanIn(l);
            // Every layer updates all its samples in one flat loop, reading τ repeated per sample.
            timeConstants[l] = new TimeConstants(tauM[l], tauR[l], batch);
        }
        workers = Math.min(workers, batch);
        rows = new Kernels.Rows[workers];
        for (int k = 0; k < workers; k++) rows[k] = new Kernels.Rows();
        crew = workers > 1 ? new StepCrew(workers, this::stepPart) : null;
    }

    /**
     * Multiply-adds per step above which a second core pays for the barriers between a step's phases
     * (a few microseconds per step in all); measured with the bench workloads.
     */
    static final long PARALLEL_WORK = 200_000;

    /**
     * Two workers where there are two cores and enough work per step to split by samples, else one; the system
     * property {@code prospect.workers} overrides this (for measuring, or a machine busy with other work).
     */
    static int defaultWorkers(NetworkSpec spec, int batch) {
        Integer forced = Integer.getInteger("prospect.workers");
        if (forced != null) return Math.max(1, forced);
        long work = 0;
        for (int l = 0; l < spec.layerCount(); l++) {
            // three products per layer plus the neuron update, which costs about as much as 30 multiply-adds
            work += (long) spec.layer(l).size() * (3L * spec.fanIn(l) + 30);
        }
        work *= batch;
        int cores = Runtime.getRuntime().availableProcessors();
        return batch > 1 && cores > 1 && work >= PARALLEL_WORK ? 2 : 1;
    }

    /** How many threads share each step. */
    public int workers() { return crew == null ? 1 : crew.workers(); }

    /**
     * Advances the network by one step {@code dt}.
     *
     * @param x      input at this step, [batch][inputs]
     * @param target target for the output at this step, [batch][outputs]; {@code null}: no output error
     */
    public void step(double[] x, double[] target) {
        if (x.length < batch * spec.inputs()) {
            throw new IllegalArgumentException("input must hold batch x inputs = " + batch * spec.inputs() + " values");
        }
        if (target != null && target.length < batch * spec.outputs()) {
            throw new IllegalArgumentException("target must hold batch x outputs = " + batch * spec.outputs() + " values");
        }
        // Here, before the workers start: τ may have been edited since the last step.
        for (TimeConstants t : timeConstants) t.refresh();
        stepInput = x;
        stepTarget = target;
        try {
            if (crew == null) {
                stepPart(0, 1);
            } else {
                long t0 = System.nanoTime();
                if (crewChoice.useCrew(steps)) {
                    crew.run();
                } else {
                    stepPart(0, 1);
                }
                crewChoice.record(steps, System.nanoTime() - t0);
            }
        } finally {
            stepInput = null;
            stepTarget = null;
        }
        steps++;
    }

    /**
     * Worker {@code worker}'s share of a step: the samples {@code [s0, s1)} of every per-sample quantity, and
     * the rows {@code [i0, i1)} of each layer's batch-mean gradients. Each element is computed by exactly one
     * worker in the same order as by a single one, so the result does not depend on the number of workers.
     */
    private void stepPart(int worker, int workers) {
        int s0 = share(batch, worker, workers);
        int s1 = share(batch, worker + 1, workers);
        if (errorsEnabled) {
            instantaneousErrors(stepTarget, s0, s1);
        }
        // W is transposed afresh each step, for the forward product as an axpy: whoever edits W in place
        // (the optimizer, a user) needs to tell no one.
        boolean transposed = false;
        for (int l = 0; l < layers; l++) {
            if (wT[l] != null) {
                int in = fanIn[l];
                Kernels.transpose(w[l], wT[l], share(in, worker, workers), share(in, worker + 1, workers),
                        size[l], in);
                transposed = true;
            }
        }
        if (transposed && workers > 1) crew.await(worker);
        // Top-down, so that layer l still reads the previous step's r_{l−1}; e_in was taken above
        // from the previous step's feedback before any layer overwrites it.
        for (int l = layers - 1; l >= 0; l--) {
            double[] input = l == 0 ? stepInput : r[l - 1];
            updateLayer(l, input, s0, s1, worker);
            if (computeGradients) {
                // The gradients of layer l need every sample's ĕ_l, and must read r_{l−1} before layer l−1
                // overwrites it.
                if (workers > 1) crew.await(worker);
                int n = size[l];
                gradients(l, input, share(n, worker, workers), share(n, worker + 1, workers), worker);
                if (workers > 1 && l > 0) crew.await(worker);
            }
        }
    }

    /** The start of worker {@code worker}'s share of {@code n} items split among {@code workers}. */
    private static int share(int n, int worker, int workers) {
        // Without the 64-bit division when one thread does it all: six of them per step cost LagLine 4 %.
        if (workers == 1) return worker == 0 ? 0 : n;
        return (int) ((long) n * worker / workers);
    }

    /** e_in = r' ⊙ fb with fb = W_{ℓ+1}ᵀ ĕ_{ℓ+1} (previous step), or the target error at the top; samples [s0, s1). */
    private void instantaneousErrors(double[] target, int s0, int s1) {
        int top = layers - 1;
        for (int l = 0; l < top; l++) {
            double[] e = eIn[l];
            double[] rp = rPrime[l];
            double[] fb = feedback[l + 1];
            int n = size[l];
            for (int k = s0 * n; k < s1 * n; k++) {
                e[k] = rp[k] * fb[k];
            }
        }
        double[] e = eIn[top];
        int n = size[top];
        if (target == null) {
            Arrays.fill(e, s0 * n, s1 * n, 0.0);
            return;
        }
        double beta = dynamics.beta();
        double[] rt = r[top];
        double[] rp = rPrime[top];
        if (dynamics.loss() == TargetLoss.MSE) {
            for (int k = s0 * n; k < s1 * n; k++) {
                e[k] = rp[k] * beta * (target[k] - rt[k]);
            }
        } else {
            for (int s = s0; s < s1; s++) {
                int off = s * n;
                softmax(rt, off, n);
                for (int k = off; k < off + n; k++) {
                    e[k] = rp[k] * beta * (target[k] - softmax[k]);
                }
            }
        }
    }

    /** softmax[off..off+n) of the logits there (one slot per sample, so that workers do not share one). */
    private void softmax(double[] logits, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = off; i < off + n; i++) max = Math.max(max, logits[i]);
        double sum = 0;
        for (int i = off; i < off + n; i++) {
            softmax[i] = Math.exp(logits[i] - max);
            sum += softmax[i];
        }
        for (int i = off; i < off + n; i++) softmax[i] /= sum;
    }

    /** GLE.md "Discrete-time update" for layer l, samples [s0, s1): s, v, ĕ, u, ŭ, r, r' and the feedback Wᵀĕ. */
    private void updateLayer(int l, double[] input, int s0, int s1, int worker) {
        int n = size[l];
        int in = fanIn[l];
        double[] s = basal[l];
        // s = W r_{ℓ−1} + b
        if (wT[l] != null) {
            Kernels.affineTransposed(wT[l], input, b[l], s, s0, s1, n, in, rows[worker]);
        } else {
            Kernels.affine(w[l], input, b[l], s, s0, s1, n, in, rows[worker]);
        }
        integrate(l, s0 * n, s1 * n, timeConstants[l]);
        // r = φ(ŭ), r' = φ'(ŭ)
        if (batch * n >= Activation.LONG_LAYER) {
            phi[l].applyToLayer(uBreve[l], r[l], rPrime[l], s0 * n, s1 * n);
        } else {
            phi[l].apply(uBreve[l], r[l], rPrime[l], s0 * n, s1 * n);
        }
        if (l > 0 && errorsEnabled) {
            // Sent down for the next step, with W before this step's plasticity.
            Kernels.transposed(w[l], eBreve[l], feedback[l], s0, s1, n, in, rows[worker]);
        }
    }

    /**
     * The neurons of layer l over the flat range [k0, k1) of its samples: GLE.md's error unit (v̇ = (e_in − v)/τ_r,
     * ĕ = v + τ_m v̇, v ← v + dt v̇) and soma (u̇ = (s + γĕ − u)/τ_m, ŭ = u + τ_r u̇, u ← u + dt u̇). τ is repeated
     * per sample so that every array is read at the same index: one loop C2 can vectorise, not one per sample.
     */
    private void integrate(int l, int k0, int k1, TimeConstants t) {
        double[] ul = u[l];
        double[] ub = uBreve[l];
        double[] vl = v[l];
        double[] eb = eBreve[l];
        double[] ei = eIn[l];
        double[] ud = uDot[l];
        double[] s = basal[l];
        double dt = dynamics.dt();
        double gamma = dynamics.gamma();
        double[] tm = t.tauM;
        double[] tr = t.tauR;
        double[] invTm = t.invTauM;
        double[] invTr = t.invTauR;
        if (!errorsEnabled) {
            for (int k = k0; k < k1; k++) {
                eb[k] = 0.0;
                double du = (s[k] - ul[k]) * invTm[k];
                ub[k] = ul[k] + tr[k] * du;
                ul[k] += dt * du;
                ud[k] = du;
            }
        } else if (dynamics.prospectiveErrors()) {
            for (int k = k0; k < k1; k++) {
                double vDot = (ei[k] - vl[k]) * invTr[k];
                double error = vl[k] + tm[k] * vDot;
                vl[k] += dt * vDot;
                eb[k] = error;
                double du = (s[k] + gamma * error - ul[k]) * invTm[k];
                ub[k] = ul[k] + tr[k] * du;
                ul[k] += dt * du;
                ud[k] = du;
            }
        } else {
            for (int k = k0; k < k1; k++) {
                double error = ei[k];
                vl[k] = error;
                eb[k] = error;
                double du = (s[k] + gamma * error - ul[k]) * invTm[k];
                ub[k] = ul[k] + tr[k] * du;
                ul[k] += dt * du;
                ud[k] = du;
            }
        }
    }

    /** The plasticity gradients of layer l (GLE.md): ∂W = −⟨ĕ⊗r_{ℓ−1}⟩, ∂b = −⟨ĕ⟩, ∂τ_m = ⟨ĕ⊙u̇⟩; rows [i0, i1). */
    private void gradients(int l, double[] input, int i0, int i1, int worker) {
        int n = size[l];
        int in = fanIn[l];
        if (n < Kernels.NARROW && in < Kernels.NARROW) {
            gradientsNarrow(l, input, i0, i1);
            return;
        }
        if (batch == 1) {
            gradientsOneSample(l, input, i0, i1, worker);
            return;
        }
        double[] eb = eBreve[l];
        double[] ud = uDot[l];
        double scale = -1.0 / batch;
        double[] eT = errorsTransposed[l];
        for (int i = i0; i < i1; i++) {
            int row = i * batch;
            for (int sample = 0; sample < batch; sample++) eT[row + sample] = scale * eb[sample * n + i];
        }
        Kernels.outer(eT, input, gradW[l], i0, i1, batch, n, in, rows[worker]);
        double[] gb = gradB[l];
        double[] gt = gradTauM[l];
        Arrays.fill(gb, i0, i1, 0.0);
        Arrays.fill(gt, i0, i1, 0.0);
        for (int sample = 0; sample < batch; sample++) {
            int off = sample * n;
            for (int i = i0; i < i1; i++) {
                gb[i] -= eb[off + i];
                gt[i] += eb[off + i] * ud[off + i];
            }
        }
        double mean = 1.0 / batch;
        for (int i = i0; i < i1; i++) {
            gb[i] *= mean;
            gt[i] *= mean;
        }
    }

    /**
     * {@link #gradients} of a single sample: ĕ needs no transposing and each batch sum has one term, so every loop
     * is flat and C2 vectorises it (the general loops read ĕ at a per-sample offset; mlp-b1 gained 1 µs a step).
     * The same operations with batch = 1, so the same bits: −1·ĕ, then (0 − ĕ)·1 and (0 + ĕ·u̇)·1.
     */
    private void gradientsOneSample(int l, double[] input, int i0, int i1, int worker) {
        double[] eb = eBreve[l];
        double[] ud = uDot[l];
        double[] eT = errorsTransposed[l];
        for (int i = i0; i < i1; i++) eT[i] = -1.0 * eb[i];
        Kernels.outer(eT, input, gradW[l], i0, i1, 1, size[l], fanIn[l], rows[worker]);
        double[] gb = gradB[l];
        double[] gt = gradTauM[l];
        for (int i = i0; i < i1; i++) {
            gb[i] = 0.0 - eb[i];
            gt[i] = 0.0 + eb[i] * ud[i];
        }
    }

    /**
     * {@link #gradients} for a layer of few neurons with few inputs: each sum runs over the samples in a register, with the
     * same terms in the same order (so the same bits), rather than through a transposed copy and zeroed arrays.
     */
    private void gradientsNarrow(int l, double[] input, int i0, int i1) {
        int n = size[l];
        int in = fanIn[l];
        double[] eb = eBreve[l];
        double[] ud = uDot[l];
        double[] gw = gradW[l];
        double scale = -1.0 / batch;
        double mean = 1.0 / batch;
        for (int i = i0; i < i1; i++) {
            for (int j = 0; j < in; j++) {
                double acc = 0.0;
                for (int sample = 0; sample < batch; sample++) {
                    acc = Math.fma(scale * eb[sample * n + i], input[sample * in + j], acc);
                }
                gw[i * in + j] = acc;
            }
            double bias = 0.0;
            double tau = 0.0;
            for (int sample = 0; sample < batch; sample++) {
                double e = eb[sample * n + i];
                bias -= e;
                tau += e * ud[sample * n + i];
            }
            gradB[l][i] = bias * mean;
            gradTauM[l][i] = tau * mean;
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

    /**
     * Everything that evolves (state, weights, biases, time constants), as named copies, for saving a
     * session; {@link #importState} puts it back so the next step is bit-identical to an uninterrupted run.
     */
    public java.util.Map<String, double[]> exportState() {
        java.util.Map<String, double[]> out = new java.util.LinkedHashMap<>();
        for (int l = 0; l < layers; l++) {
            double[][] arrays = {u[l], uBreve[l], r[l], rPrime[l], v[l], eBreve[l], eIn[l], uDot[l], basal[l],
                    feedback[l], w[l], b[l], tauM[l], tauR[l]};
            for (int a = 0; a < arrays.length; a++) out.put("L" + l + "." + STATE_NAMES[a], arrays[a].clone());
        }
        out.put("steps", new double[] {steps});
        return out;
    }

    private static final String[] STATE_NAMES = {"u", "prosp_u", "r", "r_prime", "v", "prosp_v", "inst_e", "u_dot",
            "basal", "feedback", "W", "b", "tau_m", "tau_r"};

    /** Restores what {@link #exportState} saved; every array must be present with its original length. */
    public void importState(java.util.Map<String, double[]> state) {
        for (int l = 0; l < layers; l++) {
            double[][] arrays = {u[l], uBreve[l], r[l], rPrime[l], v[l], eBreve[l], eIn[l], uDot[l], basal[l],
                    feedback[l], w[l], b[l], tauM[l], tauR[l]};
            for (int a = 0; a < arrays.length; a++) {
                String name = "L" + l + "." + STATE_NAMES[a];
                double[] saved = state.get(name);
                if (saved == null || saved.length != arrays[a].length) {
                    throw new IllegalArgumentException(name + ": expected " + arrays[a].length + " values, found "
                            + (saved == null ? "none" : saved.length));
                }
                System.arraycopy(saved, 0, arrays[a], 0, saved.length);
            }
        }
        double[] savedSteps = state.get("steps");
        if (savedSteps != null) steps = (long) savedSteps[0];
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
