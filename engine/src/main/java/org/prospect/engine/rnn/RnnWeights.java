package org.prospect.engine.rnn;

import java.util.Random;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The learnable parameters of an {@link RnnSpec} network, flat and row-major with the postsynaptic index first:
 * {@code wIn[i][k]} (N×inputs), {@code w[i][j]} (N×N, post i ← pre j), {@code wOut[o][j]} (outputs×N),
 * {@code bOut[o]}. The arrays are public and live: optimizers update them in place.
 *
 * <p>Dale's law: every outgoing weight of unit j has the sign {@code sign[j]} (+1 E, −1 I), in {@code w} and
 * {@code wOut}; input channels are excitatory, so {@code wIn ≥ 0}. {@link #applyDale()} clips weights that crossed
 * zero back to zero, keeping the sign fixed.
 */
public final class RnnWeights {
    private final RnnSpec spec;
    public final double[] wIn;
    public final double[] w;
    public final double[] wOut;
    public final double[] bOut;
    private final double[] sign;
    /** The spec's cell type of each unit and units per type, formed on the first {@link #blockMeans(double[])}. */
    private int[] unitTypes;
    private int[] typeSizes;

    private RnnWeights(RnnSpec spec, double[] wIn, double[] w, double[] wOut, double[] bOut) {
        int n = spec.units();
        if (wIn.length != n * spec.inputs() || w.length != n * n || wOut.length != spec.outputs() * n
                || bOut.length != spec.outputs()) {
            throw new IllegalArgumentException("weight arrays do not match the spec's shape");
        }
        this.spec = spec;
        this.wIn = wIn;
        this.w = w;
        this.wOut = wOut;
        this.bOut = bOut;
        sign = new double[n];
        int e = spec.excitatoryUnits();
        for (int j = 0; j < n; j++) sign[j] = j < e ? 1.0 : -1.0;
    }

    /** Weights given explicitly (copied); they must already obey Dale's law. */
    public static RnnWeights of(RnnSpec spec, double[] wIn, double[] w, double[] wOut, double[] bOut) {
        return new RnnWeights(spec, wIn.clone(), w.clone(), wOut.clone(), bOut.clone());
    }

    /**
     * The initial weights of MODPROP.md, drawn from {@code spec.seed()}:
     * <ol>
     * <li>recurrent magnitudes |N(0,1)|, signed by the presynaptic unit's type;</li>
     * <li>the inhibitory columns scaled by (total E magnitude)/(total I magnitude), so E and I balance overall;</li>
     * <li>each unit's input made zero-mean by rescaling that row's inhibitory weights to cancel its excitatory
     *     sum exactly (subtracting the mean instead would flip signs and break Dale's law);</li>
     * <li>the matrix scaled to spectral radius 1 (EJML eigenvalues);</li>
     * </ol>
     * input weights |N(0,1)|·√(2/inputs) (non-negative: input channels are excitatory; the √(2/n) scale is the
     * public code's {@code randn/√(n_in/2)}); output weights |N(0,1)|/√N signed by the presynaptic unit;
     * output biases 0.
     */
    public static RnnWeights initial(RnnSpec spec) {
        Random random = new Random(spec.seed());
        int n = spec.units();
        int e = spec.excitatoryUnits();
        double[] w = balancedRecurrent(n, e, random);
        double[] wIn = new double[n * spec.inputs()];
        double inScale = Math.sqrt(2.0 / spec.inputs());
        double[] wOut = new double[spec.outputs() * n];
        if (spec.wiring() == Wiring.PUBLIC_CODE) {
            for (int i = 0; i < n; i++) w[i * n + i] = 0;
            for (int k = 0; k < wIn.length; k++) wIn[k] = inScale * random.nextGaussian();
            // The public code's readout is the first columns (postsynaptic units) of another balanced matrix.
            double[] second = balancedRecurrent(n, e, random);
            System.arraycopy(second, 0, wOut, 0, wOut.length);
            return new RnnWeights(spec, wIn, w, wOut, new double[spec.outputs()]);
        }
        for (int k = 0; k < wIn.length; k++) wIn[k] = inScale * Math.abs(random.nextGaussian());
        double outScale = 1.0 / Math.sqrt(n);
        for (int o = 0; o < spec.outputs(); o++) {
            for (int j = 0; j < n; j++) wOut[o * n + j] = (j < e ? 1 : -1) * outScale * Math.abs(random.nextGaussian());
        }
        return new RnnWeights(spec, wIn, w, wOut, new double[spec.outputs()]);
    }

    /** Steps 1–4 of {@link #initial}: a Dale-signed, E/I-balanced, zero-mean-input, spectral-radius-1 matrix. */
    private static double[] balancedRecurrent(int n, int e, Random random) {
        double[] w = new double[n * n];
        double sumE = 0;
        double sumI = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double m = Math.abs(random.nextGaussian());
                if (j < e) {
                    w[i * n + j] = m;
                    sumE += m;
                } else {
                    w[i * n + j] = -m;
                    sumI += m;
                }
            }
        }
        double balance = sumE / sumI;
        for (int i = 0; i < n; i++) {
            for (int j = e; j < n; j++) w[i * n + j] *= balance;
        }
        for (int i = 0; i < n; i++) {
            double rowE = 0;
            double rowI = 0;
            for (int j = 0; j < e; j++) rowE += w[i * n + j];
            for (int j = e; j < n; j++) rowI -= w[i * n + j];
            double f = rowE / rowI;
            for (int j = e; j < n; j++) w[i * n + j] *= f;
        }
        double rho = spectralRadius(w, n);
        for (int k = 0; k < w.length; k++) w[k] /= rho;
        return w;
    }

    /** The largest eigenvalue modulus of the n×n row-major matrix {@code m}. */
    public static double spectralRadius(double[] m, int n) {
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        System.arraycopy(m, 0, a.data, 0, n * n);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
        if (!eig.decompose(a)) throw new IllegalStateException("eigenvalue decomposition failed");
        double rho = 0;
        for (int k = 0; k < eig.getNumberOfEigenvalues(); k++) {
            Complex_F64 z = eig.getEigenvalue(k);
            rho = Math.max(rho, z.getMagnitude());
        }
        return rho;
    }

    public RnnSpec spec() { return spec; }

    /** +1 for an E unit, −1 for an I unit. */
    public double sign(int unit) { return sign[unit]; }

    /** A deep copy. */
    public RnnWeights copy() {
        return new RnnWeights(spec, wIn.clone(), w.clone(), wOut.clone(), bOut.clone());
    }

    /** Overwrites these weights with {@code other}'s values. */
    public void setTo(RnnWeights other) {
        System.arraycopy(other.wIn, 0, wIn, 0, wIn.length);
        System.arraycopy(other.w, 0, w, 0, w.length);
        System.arraycopy(other.wOut, 0, wOut, 0, wOut.length);
        System.arraycopy(other.bOut, 0, bOut, 0, bOut.length);
    }

    /**
     * Dale's law after an update: a weight whose sign flipped is set to zero. With the public code's wiring the
     * input weights are unconstrained and self-connections stay at zero.
     */
    public void applyDale() {
        int n = spec.units();
        boolean publicCode = spec.wiring() == Wiring.PUBLIC_CODE;
        if (!publicCode) for (int k = 0; k < wIn.length; k++) if (wIn[k] < 0) wIn[k] = 0;
        for (int i = 0; i < n; i++) clipRow(w, i * n, n);
        if (publicCode) for (int i = 0; i < n; i++) w[i * n + i] = 0;
        for (int o = 0; o < spec.outputs(); o++) clipRow(wOut, o * n, n);
    }

    private void clipRow(double[] m, int off, int n) {
        for (int j = 0; j < n; j++) {
            double v = m[off + j];
            m[off + j] = sign[j] > 0 ? Math.max(v, 0.0) : Math.min(v, 0.0);
        }
    }

    /** Whether every weight obeys Dale's law (zeros allowed). */
    public boolean obeysDale() {
        int n = spec.units();
        if (spec.wiring() == Wiring.PAPER) for (double v : wIn) if (v < 0) return false;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) if (w[i * n + j] * sign[j] < 0) return false;
        }
        for (int o = 0; o < spec.outputs(); o++) {
            for (int j = 0; j < n; j++) if (wOut[o * n + j] * sign[j] < 0) return false;
        }
        return true;
    }

    /**
     * The type-by-type mean matrix {@code M[a][b]}: the mean of {@code w[i][j]} over post i of type a and pre j
     * of type b (diagonal included), shape [types][types].
     */
    public double[] blockMeans() {
        int types = spec.cellTypes();
        return blockMeans(new double[types * types]);
    }

    /** {@link #blockMeans()} into {@code m} (length types², overwritten), for the backward pass's hot path. */
    public double[] blockMeans(double[] m) {
        int n = spec.units();
        int types = spec.cellTypes();
        if (unitTypes == null) {
            unitTypes = spec.cellTypeOfUnits();
            typeSizes = spec.typeSizes();
        }
        int[] type = unitTypes;
        int[] size = typeSizes;
        if (m.length != types * types) throw new IllegalArgumentException("block means need " + types * types + " entries, got " + m.length);
        java.util.Arrays.fill(m, 0.0);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) m[type[i] * types + type[j]] += w[i * n + j];
        }
        for (int a = 0; a < types; a++) {
            for (int b = 0; b < types; b++) m[a * types + b] /= (double) size[a] * size[b];
        }
        return m;
    }

    /** {@code W_ab}: {@code w} with every (post-type, pre-type) block replaced by its mean, N×N. */
    public double[] typeAveraged() {
        int n = spec.units();
        int types = spec.cellTypes();
        int[] type = spec.cellTypeOfUnits();
        double[] m = blockMeans();
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) out[i * n + j] = m[type[i] * types + type[j]];
        }
        return out;
    }
}
