package org.prospect.engine.adjoint;

import org.prospect.engine.gle.GleNetwork;
import org.prospect.engine.gle.NetworkSpec;

/**
 * The forward states BPTT needs, recorded step by step over a window: inputs, targets aligned with the
 * outputs, and per layer the rates r, their derivatives φ'(ŭ) and u̇. Preallocated for {@code capacity} steps.
 */
public final class Trajectory {
    final NetworkSpec spec;
    final int batch;
    final int capacity;
    final double[][] x;
    final double[][] target;
    /** [step][layer][batch·n] */
    final double[][][] rate;
    final double[][][] rateDerivative;
    final double[][][] somaticVelocity;
    /** The rates just before the window's first step, [layer][batch·n]: the r_{ℓ−1} that step reads. */
    final double[][] rateBefore;
    int length;

    public Trajectory(NetworkSpec spec, int batch, int capacity) {
        this(spec, batch, capacity, true);
    }

    /**
     * A window whose steps are stored elsewhere: {@link #link} points its parts at other trajectories' steps and
     * {@link #advance} counts a step recorded there. Overlapping windows share their common steps this way
     * (see SlidingAdjoint), so a step is copied once, not once per window.
     */
    static Trajectory view(NetworkSpec spec, int batch, int capacity) {
        return new Trajectory(spec, batch, capacity, false);
    }

    private Trajectory(NetworkSpec spec, int batch, int capacity, boolean storage) {
        this.spec = spec;
        this.batch = batch;
        this.capacity = capacity;
        int layers = spec.layerCount();
        x = storage ? new double[capacity][batch * spec.inputs()] : new double[capacity][];
        target = storage ? new double[capacity][batch * spec.outputs()] : new double[capacity][];
        rate = new double[capacity][][];
        rateDerivative = new double[capacity][][];
        somaticVelocity = new double[capacity][][];
        rateBefore = new double[layers][];
        for (int l = 0; l < layers; l++) rateBefore[l] = new double[batch * spec.layer(l).size()];
        if (!storage) return;
        for (int t = 0; t < capacity; t++) {
            rate[t] = new double[layers][];
            rateDerivative[t] = new double[layers][];
            somaticVelocity[t] = new double[layers][];
            for (int l = 0; l < layers; l++) {
                int n = batch * spec.layer(l).size();
                rate[t][l] = new double[n];
                rateDerivative[t][l] = new double[n];
                somaticVelocity[t][l] = new double[n];
            }
        }
    }

    /** Points steps {@code [part·c, (part+1)·c)} of this view at the steps of {@code steps} (capacity c). */
    void link(int part, Trajectory steps) {
        int from = part * steps.capacity;
        for (int j = 0; j < steps.capacity; j++) {
            x[from + j] = steps.x[j];
            target[from + j] = steps.target[j];
            rate[from + j] = steps.rate[j];
            rateDerivative[from + j] = steps.rateDerivative[j];
            somaticVelocity[from + j] = steps.somaticVelocity[j];
        }
    }

    /** Counts the next step as recorded (into the storage linked there). */
    void advance() {
        if (length == capacity) throw new IllegalStateException("trajectory is full (" + capacity + " steps)");
        length++;
    }

    /** Empties this trajectory without touching its rates before (storage that windows link to). */
    void clear() { length = 0; }

    /** Starts a new window at the network's current state. */
    public void begin(GleNetwork net) {
        for (int l = 0; l < rateBefore.length; l++) {
            System.arraycopy(net.rates(l), 0, rateBefore[l], 0, rateBefore[l].length);
        }
        length = 0;
    }

    /** Records the step just taken: its input, the target for its output, and the network's new state. */
    public void record(double[] input, double[] alignedTarget, GleNetwork net) {
        if (length == capacity) throw new IllegalStateException("trajectory is full (" + capacity + " steps)");
        int t = length++;
        System.arraycopy(input, 0, x[t], 0, x[t].length);
        System.arraycopy(alignedTarget, 0, target[t], 0, target[t].length);
        for (int l = 0; l < rateBefore.length; l++) {
            System.arraycopy(net.rates(l), 0, rate[t][l], 0, rate[t][l].length);
            System.arraycopy(net.rateDerivatives(l), 0, rateDerivative[t][l], 0, rateDerivative[t][l].length);
            System.arraycopy(net.somaticVelocities(l), 0, somaticVelocity[t][l], 0, somaticVelocity[t][l].length);
        }
    }

    public int length() { return length; }

    public int capacity() { return capacity; }

    public boolean isFull() { return length == capacity; }

    /** The output rates after step t, [batch·outputs] (live view). */
    public double[] output(int t) { return rate[t][rate[t].length - 1]; }

    public double[] target(int t) { return target[t]; }

    /** The recorded steps so far, as named copies (for saving a session mid-window). */
    public java.util.Map<String, double[]> exportState() {
        java.util.Map<String, double[]> out = new java.util.LinkedHashMap<>();
        out.put("length", new double[] {length});
        for (int l = 0; l < rateBefore.length; l++) out.put("before.L" + l, rateBefore[l].clone());
        for (int t = 0; t < length; t++) {
            out.put(t + ".x", x[t].clone());
            out.put(t + ".target", target[t].clone());
            for (int l = 0; l < rateBefore.length; l++) {
                out.put(t + ".L" + l + ".r", rate[t][l].clone());
                out.put(t + ".L" + l + ".r_prime", rateDerivative[t][l].clone());
                out.put(t + ".L" + l + ".u_dot", somaticVelocity[t][l].clone());
            }
        }
        return out;
    }

    public void importState(java.util.Map<String, double[]> state) {
        int n = (int) state.get("length")[0];
        if (n > capacity) throw new IllegalArgumentException("saved window has " + n + " steps, capacity " + capacity);
        for (int l = 0; l < rateBefore.length; l++) copy(state.get("before.L" + l), rateBefore[l]);
        for (int t = 0; t < n; t++) {
            copy(state.get(t + ".x"), x[t]);
            copy(state.get(t + ".target"), target[t]);
            for (int l = 0; l < rateBefore.length; l++) {
                copy(state.get(t + ".L" + l + ".r"), rate[t][l]);
                copy(state.get(t + ".L" + l + ".r_prime"), rateDerivative[t][l]);
                copy(state.get(t + ".L" + l + ".u_dot"), somaticVelocity[t][l]);
            }
        }
        length = n;
    }

    private static void copy(double[] from, double[] to) {
        if (from == null || from.length != to.length) throw new IllegalArgumentException("saved window does not fit this network");
        System.arraycopy(from, 0, to, 0, to.length);
    }
}
