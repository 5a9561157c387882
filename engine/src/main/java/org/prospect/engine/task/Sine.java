package org.prospect.engine.task;

/**
 * sin(x), bit for bit as {@link StrictMath#sin} (fdlibm 5.3's {@code s_sin.c}, {@code k_sin.c}, {@code k_cos.c} and
 * the medium-range part of {@code e_rem_pio2.c}, transcribed), in plain Java.
 *
 * <p>Why: JDK 17's {@link Math#sin} intrinsic is a call into a stub that costs 16–20 ns per value here, the
 * largest single cost of a LagLine step outside the network; this takes about 11 ns for LagLine's arguments
 * (up to 10⁶) and 4 ns below π/4, and took lagline-b1 from 214 to 197 ns a step. Arguments beyond 2¹⁹·π/2, which
 * need fdlibm's multi-precision reduction, go to {@link StrictMath#sin} itself.
 */
final class Sine {
    private static final double INV_PIO2 = 6.36619772367581382433e-01; // 2/π
    // π/2 in three 33-bit parts and their tails, so that n·part is exact for n < 2²⁰.
    private static final double PIO2_1 = 1.57079632673412561417e+00;
    private static final double PIO2_1T = 6.07710050650619224932e-11;
    private static final double PIO2_2 = 6.07710050630396597660e-11;
    private static final double PIO2_2T = 2.02226624879595063154e-21;
    private static final double PIO2_3 = 2.02226624871116645580e-21;
    private static final double PIO2_3T = 8.47842766036889956997e-32;
    /** High words of n·π/2 for n = 1…32: there the first reduction may cancel and needs checking. */
    private static final int[] NPIO2_HW = {
        0x3FF921FB, 0x400921FB, 0x4012D97C, 0x401921FB, 0x401F6A7A, 0x4022D97C, 0x4025FDBB, 0x402921FB,
        0x402C463A, 0x402F6A7A, 0x4031475C, 0x4032D97C, 0x40346B9C, 0x4035FDBB, 0x40378FDB, 0x403921FB,
        0x403AB41B, 0x403C463A, 0x403DD85A, 0x403F6A7A, 0x40407E4C, 0x4041475C, 0x4042106C, 0x4042D97C,
        0x4043A28C, 0x40446B9C, 0x404534AC, 0x4045FDBB, 0x4046C6CB, 0x40478FDB, 0x404858EB, 0x404921FB,
    };
    private static final double S1 = -1.66666666666666324348e-01;
    private static final double S2 = 8.33333333332248946124e-03;
    private static final double S3 = -1.98412698298579493134e-04;
    private static final double S4 = 2.75573137070700676789e-06;
    private static final double S5 = -2.50507602534068634195e-08;
    private static final double S6 = 1.58969099521155010221e-10;
    private static final double C1 = 4.16666666666666019037e-02;
    private static final double C2 = -1.38888888888741095749e-03;
    private static final double C3 = 2.48015872894767294178e-05;
    private static final double C4 = -2.75573143513906633035e-07;
    private static final double C5 = 2.08757232129817482790e-09;
    private static final double C6 = -1.13596475577881948265e-11;

    private Sine() {}

    static double sin(double x) {
        int ix = highWord(x) & 0x7fffffff;
        if (ix <= 0x3fe921fb) return kernelSin(x, 0.0, false); // |x| ≤ π/4
        if (ix > 0x413921fb) return StrictMath.sin(x); // beyond 2¹⁹·π/2, and NaN and ±∞
        if (ix < 0x4002d97c) return nearHalfPi(x, ix); // |x| < 3π/4
        // e_rem_pio2.c: x = n·π/2 + (y0 + y1)
        double t = Math.abs(x);
        int n = (int) (t * INV_PIO2 + 0.5);
        double fn = n;
        double r = t - fn * PIO2_1;
        double w = fn * PIO2_1T;
        double y0;
        if (n < 32 && ix != NPIO2_HW[n - 1]) {
            y0 = r - w;
        } else {
            int j = ix >> 20;
            y0 = r - w;
            int i = j - ((highWord(y0) >> 20) & 0x7ff);
            if (i > 16) { // cancelled more than 16 bits: take the second part of π/2
                double s = r;
                w = fn * PIO2_2;
                r = s - w;
                w = fn * PIO2_2T - ((s - r) - w);
                y0 = r - w;
                i = j - ((highWord(y0) >> 20) & 0x7ff);
                if (i > 49) { // and the third
                    s = r;
                    w = fn * PIO2_3;
                    r = s - w;
                    w = fn * PIO2_3T - ((s - r) - w);
                    y0 = r - w;
                }
            }
        }
        double y1 = (r - y0) - w;
        if (x < 0) {
            y0 = -y0;
            y1 = -y1;
            n = -n;
        }
        return switch (n & 3) {
            case 0 -> kernelSin(y0, y1, true);
            case 1 -> kernelCos(y0, y1);
            case 2 -> -kernelSin(y0, y1, true);
            default -> -kernelCos(y0, y1);
        };
    }

    /** sin(x) for π/4 < |x| < 3π/4: e_rem_pio2.c's own case for n = ±1. */
    private static double nearHalfPi(double x, int ix) {
        double sign = x > 0 ? 1.0 : -1.0;
        double z = Math.abs(x) - PIO2_1;
        double y0;
        double y1;
        if (ix != 0x3ff921fb) {
            y0 = z - PIO2_1T;
            y1 = (z - y0) - PIO2_1T;
        } else { // within 2⁻²⁰ of π/2: 33 more bits of π/2
            z -= PIO2_2;
            y0 = z - PIO2_2T;
            y1 = (z - y0) - PIO2_2T;
        }
        // n = +1 gives cos(y), n = −1 (x < 0, y negated) gives −cos(−y)
        return sign * kernelCos(y0, y1);
    }

    /** sin(x + y) for |x| ≤ π/4, y the tail of x (k_sin.c). */
    private static double kernelSin(double x, double y, boolean hasTail) {
        int ix = highWord(x) & 0x7fffffff;
        if (ix < 0x3e400000 && (int) x == 0) return x; // |x| < 2⁻²⁷
        double z = x * x;
        double v = z * x;
        double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
        if (!hasTail) return x + v * (S1 + z * r);
        return x - ((z * (0.5 * y - v * r) - y) - v * S1);
    }

    /** cos(x + y) for |x| ≤ π/4, y the tail of x (k_cos.c). */
    private static double kernelCos(double x, double y) {
        int ix = highWord(x) & 0x7fffffff;
        if (ix < 0x3e400000 && (int) x == 0) return 1.0; // |x| < 2⁻²⁷
        double z = x * x;
        double r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
        if (ix < 0x3FD33333) return 1.0 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
        double qx = ix > 0x3fe90000 ? 0.28125 : Double.longBitsToDouble((long) (ix - 0x00200000) << 32); // x/4
        double hz = 0.5 * z - qx;
        double a = 1.0 - qx;
        return a - (hz - (z * r - x * y));
    }

    private static int highWord(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 32);
    }
}
