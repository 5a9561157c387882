package org.prospect.engine.gle;

/**
 * e^−a in pieces that C2 (JDK 17) vectorises, for {@link Softplus} and {@link Tanh}: a = n·ln2 + r with
 * |r| ≤ ln2/2, e^−r from a Taylor polynomial and 2^−n built exactly from the bits of n by floor (C2 vectorises
 * +, −, ×, ÷, fma, floor, rint, min and max, but not a cast to long or a bit pattern). A caller runs each piece
 * over its neurons in a loop of its own: C2 unrolls, and so vectorises, only loops of about 60 nodes.
 * e^−a within 1 ulp of StrictMath, e^−a − 1 within 2 (SoftplusTest, TanhTest).
 */
final class VectorExp {
    /** The largest a the pieces take: 2^−n is built for n < 64. Beyond, callers take {@link Math#exp}. */
    static final double LIMIT = 43.0;
    private static final double INV_LN2 = 1.4426950408889634;
    /** ln 2 in two parts (fdlibm's): n·LN2_HI is exact for the n used here. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;

    private VectorExp() {}

    /** e^−a for a ≥ 0. */
    static double expNegative(double a) {
        if (a > LIMIT) return Math.exp(-a);
        double n = exponent(a);
        return expOfRemainder(remainder(a, n)) * powerOfHalf(n);
    }

    /** n = round(a / ln 2), so that a = n·ln2 + r with |r| ≤ ln2/2. */
    static double exponent(double a) {
        return Math.rint(a * INV_LN2);
    }

    static double remainder(double a, double n) {
        return Math.fma(-n, LN2_LO, Math.fma(-n, LN2_HI, a));
    }

    /** e^−r for |r| ≤ ln2/2: Taylor to degree 13 (the first term left out is below 4e-18 relative). */
    static double expOfRemainder(double r) {
        double x = -r;
        return Math.fma(x, taylorQuotient(x), 1.0);
    }

    /**
     * e^−r − 1 for |r| ≤ ln2/2, without the cancellation of subtracting 1 from e^−r: the same Taylor terms, with
     * their 1 left out (the first term left out is below 2e-17 relative).
     */
    static double expm1OfRemainder(double r) {
        double x = -r;
        return x * taylorQuotient(x);
    }

    /** (eˣ − 1)/x to degree 12: 1 + x/2! + x²/3! + … + x¹²/13!, in Horner's order. */
    private static double taylorQuotient(double x) {
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
        return Math.fma(x, p, 1.0);
    }

    /** e^−a − 1 for a ≥ 0: 2^−n·(e^−r − 1) + (2^−n − 1), both parts exact or nearly so. */
    static double expm1Negative(double a) {
        if (a > LIMIT) return Math.exp(-a) - 1.0;
        double n = exponent(a);
        double power = powerOfHalf(n);
        return Math.fma(power, expm1OfRemainder(remainder(a, n)), power - 1.0);
    }

    /**
     * 2^−n, exactly, for an integer 0 ≤ n < 64: the product of 2^−(2^i) over the bits i of n, taken off by floor
     * one after another (all at once, from floor(n/2^i), made the loop too large to vectorise: 4.7 ns per neuron).
     */
    static double powerOfHalf(double n) {
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
}
