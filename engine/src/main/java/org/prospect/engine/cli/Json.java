package org.prospect.engine.cli;

/** Small shape helpers for the JSON the CLI writes. */
final class Json {
    private Json() {}

    /** A flat row-major matrix as rows, the reference's {@code [out][in]} layout. */
    static double[][] rows(double[] flat, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) System.arraycopy(flat, i * cols, m[i], 0, cols);
        return m;
    }
}
