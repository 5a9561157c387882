package org.prospect.engine.gle;

import java.util.Arrays;

/**
 * A layer's τ_m and τ_r as the neuron update reads them, with their reciprocals, so that GLE.md's
 * v̇ = (e_in − v)/τ_r and u̇ = (s + γĕ − u)/τ_m take a multiplication per sample rather than a division; for
 * a layer updated as one flat loop over all its samples, each value is repeated once per sample ({@code copies}).
 *
 * <p>The τ arrays are live: the optimizer, the τ_m clamp, phase changes and the user write them in place
 * between steps and tell no one. So {@link #refresh}, called before every step, compares them with the values
 * it last saw and redoes only the neurons whose τ changed: one comparison per neuron instead of two divisions
 * when nothing changed, and the same reciprocals as dividing afresh when something did.
 */
final class TimeConstants {
    private final double[] liveM;
    private final double[] liveR;
    private final double[] seenM;
    private final double[] seenR;
    private final int n;
    /** τ_m, τ_r, 1/τ_m and 1/τ_r per element, [copies][n]. */
    final double[] tauM;
    final double[] tauR;
    final double[] invTauM;
    final double[] invTauR;

    TimeConstants(double[] liveM, double[] liveR, int copies) {
        this.liveM = liveM;
        this.liveR = liveR;
        n = liveM.length;
        seenM = new double[n];
        seenR = new double[n];
        tauM = new double[copies * n];
        tauR = new double[copies * n];
        invTauM = new double[copies * n];
        invTauR = new double[copies * n];
        for (int i = 0; i < n; i++) take(i, liveM[i], liveR[i]);
    }

    /** Brings every neuron up to the live τ. */
    void refresh() {
        // A wide layer first asks Arrays.mismatch (a vectorised intrinsic, -0.0 ≠ 0.0 included) whether anything
        // changed at all: mlp-b1's 266 neurons took 0.3 µs a step one bit pattern at a time.
        if (n >= Kernels.NARROW && Arrays.mismatch(liveM, seenM) < 0 && Arrays.mismatch(liveR, seenR) < 0) return;
        for (int i = 0; i < n; i++) {
            double m = liveM[i];
            double r = liveR[i];
            // Bit patterns, so that even a change from 0.0 to −0.0 (or one NaN to another) is seen.
            if (Double.doubleToRawLongBits(m) != Double.doubleToRawLongBits(seenM[i])
                    || Double.doubleToRawLongBits(r) != Double.doubleToRawLongBits(seenR[i])) {
                take(i, m, r);
            }
        }
    }

    private void take(int i, double m, double r) {
        seenM[i] = m;
        seenR[i] = r;
        double invM = 1.0 / m;
        double invR = 1.0 / r;
        for (int k = i; k < tauM.length; k += n) {
            tauM[k] = m;
            tauR[k] = r;
            invTauM[k] = invM;
            invTauR[k] = invR;
        }
    }
}
