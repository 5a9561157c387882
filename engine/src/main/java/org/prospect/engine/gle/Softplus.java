package org.prospect.engine.gle;

/**
 * The softplus rate log(1 + eˣ) and its derivative, the logistic sigmoid, both from one e = e^−|x|: for a long
 * range of neurons in loops that C2 (JDK 17) vectorises ({@link #apply}), for a few neurons one at a time with
 * {@link Math#exp} and {@link Math#log} ({@link #applyEach}).
 *
 * <p>Why two: Math.exp and Math.log are calls C2 cannot vectorise, and cost about 14 ns per neuron together, half
 * of an MLP step at batch 32. C2 vectorises +, −, ×, ÷, fma, floor, rint, min and max, but not a cast to long, a
 * bit pattern, a table lookup or a conditional. So {@link #apply} takes e^−|x| from {@link VectorExp} and
 * log(1 + e) as 2·atanh(e / (2 + e)), a series: about 2.3 ns per neuron on one core here. Each pass is a loop of
 * its own because C2 unrolls (and so vectorises) only loops of about 60 nodes ({@code LoopUnrollLimit}). But one
 * value on its own waits for the whole chain of fma, longer than the two calls: LagLine at batch 1 stepped 8 %
 * slower.
 * A layer takes one of the two for all its neurons however its samples are split between threads, so results
 * do not depend on the split.
 *
 * <p>Accuracy, against {@link StrictMath}: the vectorised e^−a within 1 ulp, log(1 + e) within 2 ulp, rate and
 * derivative within 3 ulp; one at a time, within 3 ulp too (SoftplusTest). For |x| > {@link #LIMIT} (e < 2e-19)
 * the vectorised pass takes e from Math.exp in a scalar pass. {@link #rate} and {@link #derivative} are
 * {@link #applyEach} for one value.
 */
final class Softplus {
    /** Beyond this |x| the vector pass's e^−|x| does not reach; such rare values take {@link Math#exp}. */
    static final double LIMIT = VectorExp.LIMIT;
    /** Scales any x ≥ 2^−1000 to ≥ 1: min(max(x·BIG, 0), 1) is the step function 1[x > 0] wherever e^−|x| < 1. */
    private static final double BIG = 0x1p1000;

    private Softplus() {}

    static double rate(double x) {
        return Math.max(x, 0.0) + log1p(Math.exp(-Math.abs(x)));
    }

    static double derivative(double x) {
        double e = Math.exp(-Math.abs(x));
        double s = 1.0 / (1.0 + e);
        return x >= 0 ? s : e * s;
    }

    /** {@code rate[k] = log(1 + e^x[k])}, {@code derivative[k] = σ(x[k])} for {@code from ≤ k < to}, one at a time. */
    static void applyEach(double[] x, double[] rate, double[] derivative, int from, int to) {
        for (int k = from; k < to; k++) {
            double v = x[k];
            double e = Math.exp(-Math.abs(v));
            double u = 1.0 + e;
            double s = 1.0 / u;
            rate[k] = Math.max(v, 0.0) + log1p(e, u, s);
            derivative[k] = v >= 0 ? s : e * s;
        }
    }

    /** log(1 + e) for 0 ≤ e ≤ 1 with {@link Math#log} ({@link Math#log1p} is not a JIT intrinsic and several times slower). */
    static double log1p(double e) {
        double u = 1.0 + e;
        return log1p(e, u, 1.0 / u);
    }

    /**
     * log(1 + e) given u = 1 + e rounded and its reciprocal: log(u) + (e − (u − 1))/u, the first-order correction
     * for the rounding of u (u − 1 is exact). The sigmoid needs 1/u anyway, so this costs no division of its own
     * and no branch for u = 1 (where it gives e).
     */
    static double log1p(double e, double u, double inverseU) {
        return Math.fma(e - (u - 1.0), inverseU, Math.log(u));
    }

    /** The same as {@link #applyEach}, in loops that C2 vectorises; for a long range of neurons. */
    static void apply(double[] x, double[] rate, double[] derivative, int from, int to) {
        // rate and derivative hold n and r, then 2^−n and e^−r, on the way.
        for (int k = from; k < to; k++) {
            double a = Math.min(Math.abs(x[k]), LIMIT);
            double n = VectorExp.exponent(a);
            rate[k] = n;
            derivative[k] = VectorExp.remainder(a, n);
        }
        for (int k = from; k < to; k++) derivative[k] = VectorExp.expOfRemainder(derivative[k]);
        for (int k = from; k < to; k++) derivative[k] *= VectorExp.powerOfHalf(rate[k]);
        for (int k = from; k < to; k++) rate[k] = Math.max(x[k], 0.0) + log1pUnit(derivative[k]);
        for (int k = from; k < to; k++) derivative[k] = sigmoid(x[k], derivative[k]);
        for (int k = from; k < to; k++) {
            if (Math.abs(x[k]) > LIMIT) {
                double e = Math.exp(-Math.abs(x[k]));
                rate[k] = Math.max(x[k], 0.0) + log1pUnit(e);
                derivative[k] = sigmoid(x[k], e);
            }
        }
    }

    /** The rate {@link #apply} computes for one value (for tests). */
    static double vectorRate(double x) {
        return Math.max(x, 0.0) + log1pUnit(VectorExp.expNegative(Math.abs(x)));
    }

    /** The derivative {@link #apply} computes for one value (for tests). */
    static double vectorDerivative(double x) {
        return sigmoid(x, VectorExp.expNegative(Math.abs(x)));
    }

    /** σ(x) = 1/(1 + e) for x > 0, e/(1 + e) otherwise, given e = e^−|x|; without a branch (see {@link #BIG}). */
    static double sigmoid(double x, double e) {
        return (1.0 / (1.0 + e)) * Math.max(e, Math.min(Math.max(x * BIG, 0.0), 1.0));
    }

    /**
     * log(1 + e) for 0 ≤ e ≤ 1 as 2·atanh(z) = 2z + zw·(2/3 + 2w/5 + 2w²/7 + …), to w¹⁶, with z = e/(2 + e) ≤ 1/3
     * and w = z² (the first term left out is below 2e-19 relative). Every term is positive: no cancellation for
     * small e.
     */
    static double log1pUnit(double e) {
        double z = e / (2.0 + e);
        double w = z * z;
        double p = Math.fma(w, 2.0 / 35, 2.0 / 33);
        p = Math.fma(w, p, 2.0 / 31);
        p = Math.fma(w, p, 2.0 / 29);
        p = Math.fma(w, p, 2.0 / 27);
        p = Math.fma(w, p, 2.0 / 25);
        p = Math.fma(w, p, 2.0 / 23);
        p = Math.fma(w, p, 2.0 / 21);
        p = Math.fma(w, p, 2.0 / 19);
        p = Math.fma(w, p, 2.0 / 17);
        p = Math.fma(w, p, 2.0 / 15);
        p = Math.fma(w, p, 2.0 / 13);
        p = Math.fma(w, p, 2.0 / 11);
        p = Math.fma(w, p, 2.0 / 9);
        p = Math.fma(w, p, 2.0 / 7);
        p = Math.fma(w, p, 2.0 / 5);
        p = Math.fma(w, p, 2.0 / 3);
        return Math.fma(z * w, p, 2.0 * z);
    }
}
