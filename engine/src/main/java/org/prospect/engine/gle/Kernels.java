package org.prospect.engine.gle;

/**
 * The three products a GLE step needs, on flat row-major arrays with a leading batch dimension.
 * Plain loops whose inner loop is contiguous, so the JIT vectorises it.
 */
final class Kernels {
    private Kernels() {}

    /** {@code out[b][i] = Σ_j w[i][j]·in[b][j] + bias[i]}. */
    static void affine(double[] w, double[] in, double[] bias, double[] out, int batch, int nOut, int nIn) {
        for (int s = 0; s < batch; s++) {
            int inOff = s * nIn;
            int outOff = s * nOut;
            for (int i = 0; i < nOut; i++) {
                int row = i * nIn;
                double acc = bias[i];
                for (int j = 0; j < nIn; j++) {
                    acc += w[row + j] * in[inOff + j];
                }
                out[outOff + i] = acc;
            }
        }
    }

    /** {@code out[b][j] = Σ_i e[b][i]·w[i][j]}: the feedback {@code Wᵀ ĕ} sent one layer down. */
    static void transposed(double[] w, double[] e, double[] out, int batch, int nOut, int nIn) {
        for (int s = 0; s < batch; s++) {
            int outOff = s * nIn;
            int eOff = s * nOut;
            java.util.Arrays.fill(out, outOff, outOff + nIn, 0.0);
            for (int i = 0; i < nOut; i++) {
                double ei = e[eOff + i];
                int row = i * nIn;
                for (int j = 0; j < nIn; j++) {
                    out[outOff + j] += ei * w[row + j];
                }
            }
        }
    }

    /** {@code g[i][j] = scale · Σ_b e[b][i]·in[b][j]}: the batch-mean outer product of the plasticity rule. */
    static void outer(double[] e, double[] in, double[] g, double scale, int batch, int nOut, int nIn) {
        java.util.Arrays.fill(g, 0, nOut * nIn, 0.0);
        for (int s = 0; s < batch; s++) {
            int eOff = s * nOut;
            int inOff = s * nIn;
            for (int i = 0; i < nOut; i++) {
                double ei = scale * e[eOff + i];
                int row = i * nIn;
                for (int j = 0; j < nIn; j++) {
                    g[row + j] += ei * in[inOff + j];
                }
            }
        }
    }
}
