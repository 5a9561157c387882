package org.prospect.engine.gle;

/**
 * The engine's product kernel on its own, for the bench's ceiling: {@code C += A·B} as in an MLP step at batch 32
 * on two workers (16 rows of C, B of 128×128), repeated on the same operands, so that nothing else of a step
 * (the neuron update, the transposes, the barriers) is counted.
 */
public final class ProductPeak {
    private static final int ROWS = 16;
    private static final int DEPTH = 128;
    private static final int WIDTH = 128;

    private ProductPeak() {}

    /** GFLOP/s of the kernel on this thread over about {@code seconds}. */
    public static double rate(double seconds) {
        java.util.Random random = new java.util.Random(1);
        double[] a = new double[ROWS * DEPTH];
        double[] b = new double[DEPTH * WIDTH];
        double[] c = new double[ROWS * WIDTH];
        for (int i = 0; i < a.length; i++) a[i] = 1e-3 * random.nextGaussian();
        for (int i = 0; i < b.length; i++) b[i] = random.nextGaussian();
        Kernels.Rows rows = new Kernels.Rows();
        long products = 0;
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 20; i++) Kernels.multiplyAdd(a, DEPTH, b, c, 0, ROWS, DEPTH, WIDTH, rows);
            products += 20;
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        if (!Double.isFinite(c[0])) throw new IllegalStateException("kernel peak diverged");
        return 2.0 * ROWS * DEPTH * WIDTH * products / elapsed / 1e9;
    }
}
