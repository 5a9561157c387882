package org.prospect.engine.rnn;

/**
 * ModProp's filter taps (MODPROP.md, "online form"):
 * <pre>
 * F_k(b,a) = Σ_{m=1..k} C(k,m) α^{k−m} ((1−α)μ)^m [(M_ab N)^{m−1} M_ab]_{ba}
 * </pre>
 * with {@code M_ab} the type-by-type mean of W ([post type][pre type]) and {@code N} the diagonal of type sizes.
 * Computed without binomials by the recursion {@code F_1 = cM}, {@code F_{k+1} = α F_k + c M N F_k + c α^k M}
 * ({@code c = (1−α)μ}), which is {@code (αI + cMN)^k − α^k I} times {@code N^{−1}} expanded.
 *
 * <p>Tap k weighs the presynaptic trace k steps before the type-b modulatory signal that reaches a type-a cell.
 */
public final class ModPropTaps {
    private ModPropTaps() {}

    /**
     * Taps 1..{@code count}, flat [count][types][types]: entry {@code [(k−1)][b][a]} is {@code F_k(b,a)}.
     *
     * @param means     M_ab, [types][types], row = postsynaptic type
     * @param typeSizes number of units of each type
     */
    public static double[] taps(double alpha, double mu, double[] means, int[] typeSizes, int count) {
        int types = typeSizes.length;
        if (means.length != types * types) throw new IllegalArgumentException("means must be types×types");
        if (count < 0) throw new IllegalArgumentException("count must be ≥ 0");
        double c = (1 - alpha) * mu;
        int tt = types * types;
        double[] out = new double[count * tt];
        // mn = M·N (column b scaled by the size of type b).
        double[] mn = new double[tt];
        for (int a = 0; a < types; a++) {
            for (int b = 0; b < types; b++) mn[a * types + b] = means[a * types + b] * typeSizes[b];
        }
        double alphaK = 1.0;
        for (int k = 1; k <= count; k++) {
            int cur = (k - 1) * tt;
            if (k == 1) {
                for (int e = 0; e < tt; e++) out[e] = c * means[e];
            } else {
                int prev = (k - 2) * tt;
                // F_k = α F_{k−1} + c (MN) F_{k−1} + c α^{k−1} M
                for (int r = 0; r < types; r++) {
                    for (int col = 0; col < types; col++) {
                        double acc = 0;
                        for (int q = 0; q < types; q++) acc += mn[r * types + q] * out[prev + q * types + col];
                        out[cur + r * types + col] = alpha * out[prev + r * types + col] + c * acc
                                + c * alphaK * means[r * types + col];
                    }
                }
            }
            alphaK *= alpha;
        }
        return out;
    }

    /** The taps for the current weights of {@code w}. */
    public static double[] taps(RnnWeights w, double mu, int count) {
        RnnSpec spec = w.spec();
        return taps(spec.alpha(), mu, w.blockMeans(), spec.typeSizes(), count);
    }
}
