package org.prospect.engine.gle;

/** The rate functions φ a GLE layer may use, with their derivatives φ' (GLE.md, "Activations needed"). */
public enum Activation {
    LINEAR {
        @Override public double rate(double x) { return x; }
        @Override public double derivative(double x) { return 1.0; }
    },
    TANH {
        @Override public double rate(double x) { return Math.tanh(x); }
        @Override public double derivative(double x) { double t = Math.tanh(x); return 1.0 - t * t; }
    },
    SIGMOID {
        @Override public double rate(double x) { return sigmoid(x); }
        @Override public double derivative(double x) { double s = sigmoid(x); return s * (1.0 - s); }
    },
    /** log(1 + eˣ); its derivative is the logistic sigmoid. */
    SOFTPLUS {
        @Override public double rate(double x) {
            // Written this way so neither branch overflows for large |x|.
            return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
        }
        @Override public double derivative(double x) { return sigmoid(x); }
    },
    RELU {
        @Override public double rate(double x) { return x > 0 ? x : 0.0; }
        @Override public double derivative(double x) { return x > 0 ? 1.0 : 0.0; }
    };

    public abstract double rate(double x);

    public abstract double derivative(double x);

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
