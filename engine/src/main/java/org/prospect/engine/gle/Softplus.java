package org.prospect.engine.gle;

/**
 * The softplus rate log(1 + eˣ) and its derivative, the logistic sigmoid, both from one e = e^−|x|: for a long
 * range of neurons in loops that C2 (JDK 17) vectorises ({@link #apply}), for a few neurons one at a time with
 * {@link Math#exp} and {@link Math#log} ({@link #applyEach}).
 *
 * <p>Why two: Math.exp and Math.log are calls C2 cannot vectorise, and cost about 14 ns per neuron together, half
 * of an MLP step at batch 32. C2 vectorises +, −, ×, ÷, fma, floor, rint, min and max, but not a cast to long, a
 * bit pattern, a table lookup or a conditional. So {@link #apply} reduces e^−a to 2^−n · e^−r (|r| ≤ ln2/2),
 * with a Taylor polynomial for e^−r and 2^−n built from the bits of n by floor, and takes log(1 + e) as
 * 2·atanh(e / (2 + e)), a series: about 2.3 ns per neuron on one core here. Each pass is a loop of its own
 * because C2 unrolls (and so vectorises) only loops of about 60 nodes ({@code LoopUnrollLimit}). But one value
 * on its own waits for the whole chain of fma, longer than the two calls: LagLine at batch 1 stepped 8 % slower.
 * A layer takes one of the two for all its neurons however its samples are split between threads, so results
 * do not depend on the split.
 *
 * <p>Accuracy, against {@link StrictMath}: the vectorised e^−a within 1 ulp, log(1 + e) within 2 ulp, rate and
 * derivative within 3 ulp; one at a time, within 3 ulp too (SoftplusTest). For |x| > {@link #LIMIT} (e < 2e-19)
 * the vectorised pass takes e from Math.exp in a scalar pass. {@link #rate} and {@link #derivative} are
 * {@link #applyEach} for one value.
 */
final class Softplus {
    /** Beyond this |x| the vector pass's 2^−n (n < 64) does not reach; such rare values take {@link Math#exp}. */
    static final double LIMIT = 43.0;
    private static final double INV_LN2 = 1.4426950408889634;
    /** ln 2 in two parts (fdlibm's): n·LN2_HI is exact for the n used here. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
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
            double s = 1.0 / (1.0 + e);
            rate[k] = Math.max(v, 0.0) + log1p(e);
            derivative[k] = v >= 0 ? s : e * s;
        }
    }

    /**
     * log(1 + e) for 0 ≤ e ≤ 1 with {@link Math#log} ({@link Math#log1p} is not a JIT intrinsic and several times
     * slower): log(u)·e/(u − 1) with u = 1 + e rounded, which cancels the error of rounding u (Goldberg 1991).
     */
    static double log1p(double e) {
        double u = 1.0 + e;
        if (u == 1.0) return e;
        return Math.log(u) * (e / (u - 1.0));
    }

    /** The same as {@link #applyEach}, in loops that C2 vectorises; for a long range of neurons. */
    static void apply(double[] x, double[] rate, double[] derivative, int from, int to) {
        // rate and derivative hold n and r, then 2^−n and e^−r, on the way.
        for (int k = from; k < to; k++) {
            double a = Math.min(Math.abs(x[k]), LIMIT);
            double n = exponent(a);
            rate[k] = n;
            derivative[k] = remainder(a, n);
        }
        for (int k = from; k < to; k++) derivative[k] = expOfRemainder(derivative[k]);
        for (int k = from; k < to; k++) derivative[k] *= powerOfHalf(rate[k]);
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
        return Math.max(x, 0.0) + log1pUnit(expNegative(Math.abs(x)));
    }

    /** The derivative {@link #apply} computes for one value (for tests). */
    static double vectorDerivative(double x) {
        return sigmoid(x, expNegative(Math.abs(x)));
    }

    /** e^−a for a ≥ 0. */
    static double expNegative(double a) {
        if (a > LIMIT) return Math.exp(-a);
        double n = exponent(a);
        return expOfRemainder(remainder(a, n)) * powerOfHalf(n);
    }

    /** σ(x) = 1/(1 + e) for x > 0, e/(1 + e) otherwise, given e = e^−|x|; without a branch (see {@link #BIG}). */
    static double sigmoid(double x, double e) {
        return (1.0 / (1.0 + e)) * Math.max(e, Math.min(Math.max(x * BIG, 0.0), 1.0));
    }

    /** n = round(a / ln 2), so that a = n·ln2 + r with |r| ≤ ln2/2. */
    private static double exponent(double a) {
        return Math.rint(a * INV_LN2);
    }

    private static double remainder(double a, double n) {
        return Math.fma(-n, LN2_LO, Math.fma(-n, LN2_HI, a));
    }

    /** e^−r for |r| ≤ ln2/2: Taylor to degree 13 (the first term left out is below 4e-18 relative). */
    private static double expOfRemainder(double r) {
        double x = -r;
        double p = Math.fma(x, 1.0 / 6227020800.0, 1.0 / 479001600.0);
        p = Math.fma(x, p, 1.0 / 39916800.0);
        p = Math.fma(x, p, 1.0 / 3628800.0);
        p = Math.fma(x, p, 1.0 / 362880.0);
        p = Math.fma(x, p, 1.0 / 40320.0);
        p = Math.fma(x, p, 1.0 / 5040.0);
        p = Math.fma(x, p, 1.0 / 720.0);
        p = Math.fma(x, p, 1.0 / 120.0);
        p = Math.fma(x, p, 1.0 / 24.0);
        p = Math.fma(x, p, 1.0 / 6.0);
        p = Math.fma(x, p, 0.5);
        p = Math.fma(x, p, 1.0);
        return Math.fma(x, p, 1.0);
    }

    /**
     * 2^−n, exactly, for an integer 0 ≤ n < 64: the product of 2^−(2^i) over the bits i of n, taken off by floor
     * one after another (all at once, from floor(n/2^i), made the loop too large to vectorise: 4.7 ns per neuron).
     */
    private static double powerOfHalf(double n) {
        double half = Math.floor(n * 0.5);
        double power = Math.fma(n - 2.0 * half, 0x1p-1 - 1.0, 1.0);
        n = half;
        half = Math.floor(n * 0.5);
        power *= Math.fma(n - 2.0 * half, 0x1p-2 - 1.0, 1.0);
        n = half;
        half = Math.floor(n * 0.5);
        power *= Math.fma(n - 2.0 * half, 0x1p-4 - 1.0, 1.0);
        n = half;
        half = Math.floor(n * 0.5);
        power *= Math.fma(n - 2.0 * half, 0x1p-8 - 1.0, 1.0);
        n = half;
        half = Math.floor(n * 0.5);
        power *= Math.fma(n - 2.0 * half, 0x1p-16 - 1.0, 1.0);
        return power * Math.fma(half, 0x1p-32 - 1.0, 1.0);
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
