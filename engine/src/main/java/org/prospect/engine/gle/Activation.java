package org.prospect.engine.gle;

/** The rate functions φ a GLE layer may use, with their derivatives φ' (GLE.md, "Activations needed"). */
public enum Activation {
    LINEAR {
        @Override public double rate(double x) { return x; }
        @Override public double derivative(double x) { return 1.0; }
        @Override void apply(double[] x, double[] rate, double[] derivative, int from, int to) {
            System.arraycopy(x, from, rate, from, to - from);
            java.util.Arrays.fill(derivative, from, to, 1.0);
        }
    },
    /** Vectorised for long layers: see {@link Tanh}. */
    TANH {
        @Override public double rate(double x) { return Math.tanh(x); }
        @Override public double derivative(double x) { double t = Math.tanh(x); return 1.0 - t * t; }
        @Override void apply(double[] x, double[] rate, double[] derivative, int from, int to) {
            for (int k = from; k < to; k++) {
                double t = Math.tanh(x[k]);
                rate[k] = t;
                derivative[k] = 1.0 - t * t;
            }
        }
        @Override void applyToLayer(double[] x, double[] rate, double[] derivative, int from, int to) {
            Tanh.apply(x, rate, derivative, from, to);
        }
    },
    SIGMOID {
        @Override public double rate(double x) { return sigmoid(x); }
        @Override public double derivative(double x) { double s = sigmoid(x); return s * (1.0 - s); }
        @Override void apply(double[] x, double[] rate, double[] derivative, int from, int to) {
            for (int k = from; k < to; k++) {
                double s = sigmoid(x[k]);
                rate[k] = s;
                derivative[k] = s * (1.0 - s);
            }
        }
    },
    /** log(1 + eˣ); its derivative is the logistic sigmoid. See {@link Softplus}. */
    SOFTPLUS {
        @Override public double rate(double x) { return Softplus.rate(x); }
        @Override public double derivative(double x) { return Softplus.derivative(x); }
        @Override void apply(double[] x, double[] rate, double[] derivative, int from, int to) {
            Softplus.applyEach(x, rate, derivative, from, to);
        }
        @Override void applyToLayer(double[] x, double[] rate, double[] derivative, int from, int to) {
            Softplus.apply(x, rate, derivative, from, to);
        }
    },
    RELU {
        @Override public double rate(double x) { return x > 0 ? x : 0.0; }
        @Override public double derivative(double x) { return x > 0 ? 1.0 : 0.0; }
        @Override void apply(double[] x, double[] rate, double[] derivative, int from, int to) {
            for (int k = from; k < to; k++) {
                double v = x[k];
                rate[k] = v > 0 ? v : 0.0;
                derivative[k] = v > 0 ? 1.0 : 0.0;
            }
        }
    };

    public abstract double rate(double x);

    public abstract double derivative(double x);

    /** {@code rate[k] = φ(x[k])}, {@code derivative[k] = φ'(x[k])} for {@code from ≤ k < to}: one loop per activation. */
    abstract void apply(double[] x, double[] rate, double[] derivative, int from, int to);

    /**
     * {@link #apply} for a layer of at least {@link #LONG_LAYER} values (batch × neurons), where φ may take loops
     * that pay off only over many values and round differently in the last bits. A layer takes one or the other
     * for all its values, however its samples are split between threads.
     */
    void applyToLayer(double[] x, double[] rate, double[] derivative, int from, int to) {
        apply(x, rate, derivative, from, to);
    }

    /** Values per layer (batch × neurons) from which {@link #applyToLayer} is used. */
    static final int LONG_LAYER = 16;

    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** The lower-case name used in experiment files. */
    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
