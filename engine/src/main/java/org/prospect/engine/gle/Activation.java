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
    /** log(1 + eˣ); its derivative is the logistic sigmoid. */
    SOFTPLUS {
        @Override public double rate(double x) {
            // max(x, 0) + log(1 + e^−|x|): neither part overflows for large |x|.
            return Math.max(x, 0.0) + log1pUnit(Math.exp(-Math.abs(x)));
        }
        @Override public double derivative(double x) { return sigmoid(x); }
        @Override void apply(double[] x, double[] rate, double[] derivative, int from, int to) {
            // Rate and derivative share the one exponential e = e^−|x|.
            for (int k = from; k < to; k++) {
                double v = x[k];
                double e = Math.exp(-Math.abs(v));
                double s = 1.0 / (1.0 + e);
                rate[k] = Math.max(v, 0.0) + log1pUnit(e);
                derivative[k] = v >= 0 ? s : e * s;
            }
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
     * log(1 + e) for e in [0, 1], without {@link Math#log1p} (not a JIT intrinsic, several times slower than
     * {@link Math#log}). Above 1e-4, log(1 + e) loses at most ulp(1)/e ≈ 1e-12 relative to rounding 1 + e;
     * below, four terms of the series leave a relative error under e⁴/5 ≈ 2e-17.
     */
    static double log1pUnit(double e) {
        if (e >= 1e-4) return Math.log(1.0 + e);
        return e * (1.0 - e * (0.5 - e * (1.0 / 3.0 - e * 0.25)));
    }

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
