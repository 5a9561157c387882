package org.prospect.engine.run;

import java.util.Arrays;

/**
 * The per-iteration metrics of an RNN run, appended by the run's thread and read by any other without locks:
 * row r (iteration r + 1) holds, for every rule, {@link #COLUMNS} values. The reader takes {@link #rows()} first
 * and then reads rows below it; the writer fills a row before it publishes the new count, and grows the storage
 * (copy, then publish the new array) before writing into it. A reset starts a new history object.
 */
public final class RnnHistory {
    public static final int LOSS = 0;
    public static final int ACCURACY = 1;
    public static final int ALIGNMENT = 2;
    public static final int VALIDATION_ACCURACY = 3;
    public static final int VALIDATION_LOSS = 4;
    public static final int MILLIS = 5;
    public static final int COLUMNS = 6;

    private final int rules;
    private final int stride;
    private volatile double[] data;
    private volatile int rows;

    public RnnHistory(int rules, int expectedRows) {
        this.rules = rules;
        this.stride = rules * COLUMNS;
        data = new double[Math.max(16, expectedRows) * stride];
    }

    public int rules() { return rules; }

    /** Rows published so far (any thread). */
    public int rows() { return rows; }

    /** Column {@code column} of rule {@code rule} in row {@code row} &lt; {@link #rows()} (any thread). */
    public double get(int row, int rule, int column) {
        return data[row * stride + rule * COLUMNS + column];
    }

    /** The published rows, row after row (any thread): for saving a session. */
    public double[] copy() {
        int r = rows;
        return Arrays.copyOf(data, r * stride);
    }

    /** A history holding {@code values} (from {@link #copy()}) as its first rows. */
    static RnnHistory of(int rules, int expectedRows, double[] values) {
        RnnHistory h = new RnnHistory(rules, expectedRows);
        int stride = rules * COLUMNS;
        if (values.length % stride != 0) throw new IllegalArgumentException("the metrics are not whole rows of " + rules + " rules");
        for (int o = 0; o < values.length; o += stride) h.append(Arrays.copyOfRange(values, o, o + stride));
        return h;
    }

    /** Run thread only: appends a row of {@code rules × COLUMNS} values. */
    void append(double[] row) {
        int r = rows;
        double[] d = data;
        if ((r + 1) * stride > d.length) {
            d = Arrays.copyOf(d, 2 * d.length);
            data = d;
        }
        System.arraycopy(row, 0, d, r * stride, stride);
        rows = r + 1;
    }
}
