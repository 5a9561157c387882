package org.prospect.engine.adjoint;

import java.util.Arrays;
import org.prospect.engine.gle.GleNetwork;
import org.prospect.engine.gle.NetworkSpec;

/**
 * How well GLE's weight updates point along the true gradient: accumulates GLE's weight change
 * {@code −Σ_t ∂W_t} (GLE.md: ∂W = −ĕ⊗r) over the steps of a window in which the network computed its
 * plasticity gradients, and gives its cosine with BPTT's {@code −∂L/∂W} over the same window, all layers
 * taken as one vector. Allocates nothing after construction.
 */
public final class GradientAlignment {
    private final double[][] gle;
    private int steps;

    public GradientAlignment(NetworkSpec spec) {
        gle = new double[spec.layerCount()][];
        for (int l = 0; l < gle.length; l++) gle[l] = new double[spec.layer(l).size() * spec.fanIn(l)];
    }

    /** Adds the last step's GLE weight change, if that step computed gradients (learning on). */
    public void accumulate(GleNetwork net) {
        if (!net.computesGradients()) return;
        for (int l = 0; l < gle.length; l++) {
            double[] g = net.weightGradient(l);
            double[] a = gle[l];
            for (int k = 0; k < a.length; k++) a[k] -= g[k];
        }
        steps++;
    }

    /** Steps accumulated since the last {@link #clear}. */
    public int steps() { return steps; }

    /** The accumulated GLE weight change of layer l (live view). */
    public double[] accumulated(int l) { return gle[l]; }

    /** cos(GLE's accumulated ΔW, −∂L/∂W of {@code bptt}); NaN when nothing was accumulated or a vector is zero. */
    public double cosineWith(ExactAdjoint bptt) {
        if (steps == 0) return Double.NaN;
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int l = 0; l < gle.length; l++) {
            double[] a = gle[l];
            double[] b = bptt.weightGradient(l);
            for (int k = 0; k < a.length; k++) {
                double bk = -b[k];
                dot += a[k] * bk;
                na += a[k] * a[k];
                nb += bk * bk;
            }
        }
        return cosine(dot, na, nb);
    }

    public void clear() {
        for (double[] a : gle) Arrays.fill(a, 0.0);
        steps = 0;
    }

    /** The cosine of the angle between two vectors; NaN when either is zero. */
    public static double cosine(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
            na += a[k] * a[k];
            nb += b[k] * b[k];
        }
        return cosine(dot, na, nb);
    }

    private static double cosine(double dot, double squaredNormA, double squaredNormB) {
        if (squaredNormA == 0 || squaredNormB == 0) return Double.NaN;
        double c = dot / Math.sqrt(squaredNormA * squaredNormB);
        return Math.max(-1, Math.min(1, c));
    }
}
