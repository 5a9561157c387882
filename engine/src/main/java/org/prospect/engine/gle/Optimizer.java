package org.prospect.engine.gle;

import java.util.ArrayList;
import java.util.List;

/**
 * Gradient descent on a set of flat parameter arrays with their gradient arrays: plain SGD or Adam
 * (the PyTorch formulation, so that runs compare with the reference). State is allocated once.
 */
public final class Optimizer {
    /** Which update rule. */
    public enum Kind { SGD, ADAM }

    private final Kind kind;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final List<double[]> params = new ArrayList<>();
    private final List<double[]> grads = new ArrayList<>();
    private final List<double[]> firstMoment = new ArrayList<>();
    private final List<double[]> secondMoment = new ArrayList<>();
    private long updates;
    /** {@link #params} and {@link #grads} as arrays, for the SGD step. */
    private double[][] sgdParams = new double[0][];
    private double[][] sgdGrads = new double[0][];

    public Optimizer(Kind kind) {
        this(kind, 0.9, 0.999, 1e-8);
    }

    public Optimizer(Kind kind, double beta1, double beta2, double epsilon) {
        this.kind = kind;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** Registers a parameter array and the array its gradient is written to (same length). */
    public void add(double[] param, double[] grad) {
        if (param.length != grad.length) throw new IllegalArgumentException("parameter and gradient differ in length");
        params.add(param);
        grads.add(grad);
        sgdParams = params.toArray(new double[0][]);
        sgdGrads = grads.toArray(new double[0][]);
        firstMoment.add(new double[param.length]);
        secondMoment.add(new double[param.length]);
    }

    /** One descent step θ ← θ − η·update(∂θ) on every registered parameter. */
    public void step(double rate) {
        updates++;
        if (kind == Kind.SGD) {
            // Arrays rather than the lists: this runs every step, on arrays as short as one value (LagLine).
            double[][] thetas = sgdParams;
            double[][] gs = sgdGrads;
            for (int p = 0; p < thetas.length; p++) {
                double[] theta = thetas[p];
                double[] g = gs[p];
                if (theta.length < Kernels.NARROW) {
                    // Own loop for short arrays: see Kernels.NARROW.
                    for (int i = 0; i < theta.length; i++) theta[i] -= rate * g[i];
                } else {
                    for (int i = 0; i < theta.length; i++) theta[i] -= rate * g[i];
                }
            }
            return;
        }
        double c1 = 1.0 - Math.pow(beta1, updates);
        double c2 = 1.0 - Math.pow(beta2, updates);
        double sqrtC2 = Math.sqrt(c2);
        double stepSize = rate / c1;
        for (int p = 0; p < params.size(); p++) {
            double[] theta = params.get(p);
            double[] g = grads.get(p);
            double[] m = firstMoment.get(p);
            double[] v = secondMoment.get(p);
            for (int i = 0; i < theta.length; i++) {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                // PyTorch: denom = sqrt(v)/sqrt(c2) + eps
                theta[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / sqrtC2 + epsilon);
            }
        }
    }

    public Kind kind() { return kind; }

    public long updates() { return updates; }

    /** Puts back moments and update count saved from an optimizer over the same parameters. */
    public void restore(double[][] moments, long updateCount) {
        if (moments.length != 2 * params.size()) {
            throw new IllegalArgumentException("expected moments for " + params.size() + " parameter arrays, found " + moments.length / 2);
        }
        for (int p = 0; p < params.size(); p++) {
            if (moments[2 * p].length != params.get(p).length || moments[2 * p + 1].length != params.get(p).length) {
                throw new IllegalArgumentException("moments of parameter array " + p + " have the wrong length");
            }
            System.arraycopy(moments[2 * p], 0, firstMoment.get(p), 0, moments[2 * p].length);
            System.arraycopy(moments[2 * p + 1], 0, secondMoment.get(p), 0, moments[2 * p + 1].length);
        }
        updates = updateCount;
    }

    /** The optimizer's moment estimates and update count, for saving a session. */
    public double[][] moments() {
        double[][] out = new double[2 * params.size()][];
        for (int p = 0; p < params.size(); p++) {
            out[2 * p] = firstMoment.get(p).clone();
            out[2 * p + 1] = secondMoment.get(p).clone();
        }
        return out;
    }
}
