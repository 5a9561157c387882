package org.prospect.engine.gle;

import java.util.Arrays;

/**
 * One layer of a GLE network: its size, rate function and per-neuron time constants.
 * {@code tauM} and {@code tauR} hold one value per neuron. A layer that is not {@code plastic} keeps its weights,
 * biases and τ_m while the others learn (the GLE reference trains only LagNet's first layer, for instance); its
 * errors still flow down to the layers below.
 */
public record LayerSpec(int size, Activation activation, double[] tauM, double[] tauR, boolean bias, boolean plastic) {
    /** A plastic layer. */
    public LayerSpec(int size, Activation activation, double[] tauM, double[] tauR, boolean bias) {
        this(size, activation, tauM, tauR, bias, true);
    }

    public LayerSpec {
        if (size <= 0) throw new IllegalArgumentException("layer size must be positive, got " + size);
        if (tauM.length != size || tauR.length != size) {
            throw new IllegalArgumentException("need one tauM and tauR per neuron (" + size + ")");
        }
        tauM = tauM.clone();
        tauR = tauR.clone();
    }

    /** A layer whose neurons all share the same time constants. */
    public static LayerSpec uniform(int size, Activation activation, double tauM, double tauR, boolean bias) {
        double[] m = new double[size];
        double[] r = new double[size];
        Arrays.fill(m, tauM);
        Arrays.fill(r, tauR);
        return new LayerSpec(size, activation, m, r, bias);
    }

    @Override public double[] tauM() { return tauM.clone(); }

    @Override public double[] tauR() { return tauR.clone(); }

    @Override public boolean equals(Object o) {
        return o instanceof LayerSpec l && l.size == size && l.activation == activation && l.bias == bias
                && l.plastic == plastic && Arrays.equals(l.tauM, tauM) && Arrays.equals(l.tauR, tauR);
    }

    @Override public int hashCode() {
        return 31 * (31 * Arrays.hashCode(tauM) + Arrays.hashCode(tauR)) + size;
    }

    @Override public String toString() {
        return "LayerSpec[" + size + " " + activation.fileName() + ", tauM=" + Arrays.toString(tauM)
                + ", tauR=" + Arrays.toString(tauR) + ", bias=" + bias + (plastic ? "" : ", fixed") + "]";
    }
}
