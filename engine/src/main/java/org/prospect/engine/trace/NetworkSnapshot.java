package org.prospect.engine.trace;

import org.prospect.engine.gle.NetworkSpec;

/**
 * Per-neuron values and weights of the student for batch sample 0 at one moment, for drawing the network.
 * Preallocated and refilled in place by the simulation thread; handed to the display through a
 * {@link TripleBuffer}, so a reader never sees one being written. Arrays are per layer, [n] or [n·fanIn].
 */
public final class NetworkSnapshot {
    public final NetworkSpec spec;
    public final double[] input;
    public final double[][] u;
    public final double[][] rate;
    public final double[][] prospectiveError;
    public final double[][] instantaneousError;
    public final double[][] basal;
    /** λ = ∂L/∂u of sample 0 (per sample, not divided by the batch) at {@link #lambdaTime}; NaN before the first window. */
    public final double[][] lambda;
    /**
     * The exact error −β·∂L/∂s/dt of sample 0 at {@link #lambdaTime}, in ĕ's units (what ĕ estimates; unlike λ
     * not 0 for τ_r = τ_m neurons); NaN before the first window. See {@link DashboardProbe}.
     */
    public final double[][] exactError;
    public final double[][] tauM;
    public final double[][] tauR;
    public final double[][] weights;
    /** Weight change since the previous snapshot, row-major [out][in]. */
    public final double[][] weightChange;
    public double time;
    public long step;
    /** Simulated time between the previous snapshot and this one (for rates of change). */
    public double elapsed;
    public double lambdaTime = Double.NaN;
    public double alignment = Double.NaN;

    public NetworkSnapshot(NetworkSpec spec) {
        this.spec = spec;
        int layers = spec.layerCount();
        input = new double[spec.inputs()];
        u = new double[layers][];
        rate = new double[layers][];
        prospectiveError = new double[layers][];
        instantaneousError = new double[layers][];
        basal = new double[layers][];
        lambda = new double[layers][];
        exactError = new double[layers][];
        tauM = new double[layers][];
        tauR = new double[layers][];
        weights = new double[layers][];
        weightChange = new double[layers][];
        for (int l = 0; l < layers; l++) {
            int n = spec.layer(l).size();
            u[l] = new double[n];
            rate[l] = new double[n];
            prospectiveError[l] = new double[n];
            instantaneousError[l] = new double[n];
            basal[l] = new double[n];
            lambda[l] = new double[n];
            java.util.Arrays.fill(lambda[l], Double.NaN);
            exactError[l] = new double[n];
            java.util.Arrays.fill(exactError[l], Double.NaN);
            tauM[l] = new double[n];
            tauR[l] = new double[n];
            weights[l] = new double[n * spec.fanIn(l)];
            weightChange[l] = new double[n * spec.fanIn(l)];
        }
    }
}
