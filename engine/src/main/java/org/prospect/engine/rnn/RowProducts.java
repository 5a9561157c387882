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

    static void add(double c, double[] a, int aOff, int aRow, int aCol, int rows, int depth,
                    double[][] x, int x0, double[][] y, int y0, int len) {
        for (int r = 0; r < rows; r++) {
            int ar = aOff + r * aRow;
            double[] yr = y[y0 + r];
            int k = 0;
            for (; k + 3 < depth; k += 4) {
                int ak = ar + k * aCol;
                double a0 = c * a[ak];
                double a1 = c * a[ak + aCol];
                double a2 = c * a[ak + 2 * aCol];
                double a3 = c * a[ak + 3 * aCol];
                double[] v0 = x[x0 + k];
                double[] v1 = x[x0 + k + 1];
                double[] v2 = x[x0 + k + 2];
                double[] v3 = x[x0 + k + 3];
                for (int i = 0; i < len; i++) {
                    yr[i] = Math.fma(a3, v3[i], Math.fma(a2, v2[i], Math.fma(a1, v1[i], Math.fma(a0, v0[i], yr[i]))));
                }
            }
            for (; k < depth; k++) {
                double ak = c * a[ar + k * aCol];
                double[] v = x[x0 + k];
                for (int i = 0; i < len; i++) yr[i] = Math.fma(ak, v[i], yr[i]);
            }
        }
    }
}
