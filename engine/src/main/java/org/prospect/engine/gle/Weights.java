package org.prospect.engine.gle;

/**
 * Synaptic weights and biases of a layered network: {@code weights[l]} is layer l's matrix, row-major
 * {@code [out][in]} flattened, {@code biases[l]} its bias vector. Deep-copied in and out.
 */
public record Weights(double[][] weights, double[][] biases) {
    public Weights {
        if (weights.length != biases.length) throw new IllegalArgumentException("one bias vector per layer");
        weights = deepCopy(weights);
        biases = deepCopy(biases);
    }

    /** All-zero weights shaped for {@code spec}. */
    public static Weights zeros(NetworkSpec spec) {
        int n = spec.layerCount();
        double[][] w = new double[n][];
        double[][] b = new double[n][];
        for (int l = 0; l < n; l++) {
            w[l] = new double[spec.layer(l).size() * spec.fanIn(l)];
            b[l] = new double[spec.layer(l).size()];
        }
        return new Weights(w, b);
    }

    @Override public double[][] weights() { return deepCopy(weights); }

    @Override public double[][] biases() { return deepCopy(biases); }

    public double[] weights(int l) { return weights[l].clone(); }

    public double[] biases(int l) { return biases[l].clone(); }

    public int layerCount() { return weights.length; }

    static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }
}
