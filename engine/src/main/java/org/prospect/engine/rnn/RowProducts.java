package org.prospect.engine.rnn;

/**
 * The one dense kernel of the RNN passes: rows of {@code y} gain a weighted sum of rows of {@code x},
 * <pre>
 * y[y0 + r][:] += c · Σ_k a(r,k) · x[x0 + k][:],   a(r,k) = a[aOff + r·aRow + k·aCol]
 * </pre>
 * for r &lt; rows, k &lt; depth and rows of length {@code len}. The forward product (rows = trials, k = presynaptic
 * units, x = Wᵀ), the backward product (x = W) and the weight gradient (rows = presynaptic units, k = trials,
 * x = δ) are all of this form; the strides let {@code a} be read transposed without copying it.
 *
 * <p>Why rows are separate arrays: C2 (JDK 17) vectorises a loop only if it reads each array at one offset, so
 * four rows of one flat matrix ({@code m[o0 + i]}, {@code m[o1 + i]}, …) run scalar, at about a third of the speed
 * of four row arrays ({@code x0[i]}, {@code x1[i]}, …). For the same reason each pass updates a single y row: two
 * or four y rows in one loop were not vectorised either.
 */
final class RowProducts {
    private RowProducts() {}

    /**
     * The product above; {@code coef} and {@code index} (at least {@code depth} long) are the caller's scratch.
     * Zero coefficients are skipped (a silent ReLU unit sends nothing), which changes no sum: fma(0, x, y) = y.
     */
    static void add(double c, double[] a, int aOff, int aRow, int aCol, int rows, int depth,
                    double[][] x, int x0, double[][] y, int y0, int len, double[] coef, int[] index) {
        for (int r = 0; r < rows; r++) {
            int ar = aOff + r * aRow;
            int count = 0;
            for (int k = 0; k < depth; k++) {
                double ak = a[ar + k * aCol];
                if (ak != 0.0) {
                    coef[count] = c * ak;
                    index[count] = x0 + k;
                    count++;
                }
            }
            double[] yr = y[y0 + r];
            int k = 0;
            for (; k + 3 < count; k += 4) {
                double a0 = coef[k];
                double a1 = coef[k + 1];
                double a2 = coef[k + 2];
                double a3 = coef[k + 3];
                double[] v0 = x[index[k]];
                double[] v1 = x[index[k + 1]];
                double[] v2 = x[index[k + 2]];
                double[] v3 = x[index[k + 3]];
                for (int i = 0; i < len; i++) {
                    yr[i] = Math.fma(a3, v3[i], Math.fma(a2, v2[i], Math.fma(a1, v1[i], Math.fma(a0, v0[i], yr[i]))));
                }
            }
            for (; k < count; k++) {
                double ak = coef[k];
                double[] v = x[index[k]];
                for (int i = 0; i < len; i++) yr[i] = Math.fma(ak, v[i], yr[i]);
            }
        }
    }
}
