package org.prospect.engine.gle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The products against the plain triple loop they stand for: the same terms in the same order, so the same bits. */
class KernelsTest {
    /** C[m][j] += Σ_k A[m][k]·B[k][j], k ascending, one fma per term. */
    private static void naive(double[] a, double[] b, double[] c, int m0, int m1, int nK, int nN) {
        for (int m = m0; m < m1; m++) {
            for (int j = 0; j < nN; j++) {
                double acc = c[m * nN + j];
                for (int k = 0; k < nK; k++) acc = Math.fma(a[m * nK + k], b[k * nN + j], acc);
                c[m * nN + j] = acc;
            }
        }
    }

    private static double[] gaussian(Random random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = random.nextGaussian();
        return x;
    }

    @Test
    void multiplyAddEqualsThePlainLoopBitForBitForEveryShapeAndRowRange() {
        Random random = new Random(7);
        Kernels.Rows rows = new Kernels.Rows();
        // Rows of C around the 4-row blocks, k around the 3-row passes, n narrow and wide.
        for (int nM : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 13}) {
            for (int nK : new int[] {1, 2, 3, 4, 5, 6, 7, 10, 40}) {
                for (int nN : new int[] {1, 3, 7, 8, 10, 17, 128}) {
                    double[] a = gaussian(random, nM * nK);
                    double[] b = gaussian(random, nK * nN);
                    double[] c0 = gaussian(random, nM * nN);
                    for (int m0 = 0; m0 <= Math.min(2, nM - 1); m0++) {
                        double[] expected = c0.clone();
                        double[] actual = c0.clone();
                        naive(a, b, expected, m0, nM, nK, nN);
                        Kernels.multiplyAdd(a, nK, b, actual, m0, nM, nK, nN, rows);
                        for (int i = 0; i < expected.length; i++) {
                            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
                                    "C " + nM + "x" + nN + ", k " + nK + ", rows from " + m0 + ": element " + i);
                        }
                    }
                }
            }
        }
    }

    @Test
    void outerOfOneSampleIsTheProductOfErrorAndInputForEveryRowRange() {
        Random random = new Random(11);
        Kernels.Rows rows = new Kernels.Rows();
        // Rows around the 4-row blocks, inputs narrow and wide; the rows outside [i0, i1) stay untouched.
        for (int nOut : new int[] {1, 3, 4, 5, 9, 128}) {
            for (int nIn : new int[] {8, 10, 40, 128}) {
                double[] e = gaussian(random, nOut);
                double[] in = gaussian(random, nIn);
                for (int i0 = 0; i0 <= Math.min(2, nOut - 1); i0++) {
                    int i1 = nOut - (nOut > 4 ? 1 : 0);
                    double[] g = gaussian(random, nOut * nIn);
                    double[] before = g.clone();
                    Kernels.outer(e, in, g, i0, i1, 1, nOut, nIn, rows);
                    for (int i = 0; i < nOut; i++) {
                        for (int j = 0; j < nIn; j++) {
                            double expected = i >= i0 && i < i1 ? e[i] * in[j] : before[i * nIn + j];
                            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(g[i * nIn + j]),
                                    nOut + "x" + nIn + ", rows [" + i0 + ", " + i1 + "): element " + i + "," + j);
                        }
                    }
                }
            }
        }
    }
}
