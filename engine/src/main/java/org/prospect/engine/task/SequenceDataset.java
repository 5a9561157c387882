package org.prospect.engine.task;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A labelled set of equal-length sequences (MNIST-1D: 40 samples each, ten classes), read from a CSV with
 * a header {@code label,x0,…,x{n−1}} and one sequence per row.
 */
public record SequenceDataset(double[][] sequences, int[] labels, int classes) {
    public SequenceDataset {
        if (sequences.length != labels.length) throw new IllegalArgumentException("one label per sequence");
        if (sequences.length == 0) throw new IllegalArgumentException("no sequences");
    }

    public int size() { return labels.length; }

    public int length() { return sequences[0].length; }

    /** Reads {@code file}; problems are reported with the file and line. */
    public static SequenceDataset readCsv(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int classes = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.startsWith("label,")) {
                throw new IOException(file + ": line 1: expected a header starting with \"label,\"");
            }
            int width = header.split(",").length - 1;
            int line = 1;
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                line++;
                if (s.isBlank()) continue;
                String[] cells = s.split(",");
                if (cells.length != width + 1) {
                    throw new IOException(file + ": line " + line + ": expected " + (width + 1) + " values, found " + cells.length);
                }
                try {
                    int label = Integer.parseInt(cells[0].strip());
                    if (label < 0) throw new NumberFormatException("negative label");
                    double[] x = new double[width];
                    for (int i = 0; i < width; i++) x[i] = Double.parseDouble(cells[i + 1]);
                    rows.add(x);
                    labels.add(label);
                    classes = Math.max(classes, label + 1);
                } catch (NumberFormatException e) {
                    throw new IOException(file + ": line " + line + ": " + e.getMessage());
                }
            }
        }
        return new SequenceDataset(rows.toArray(double[][]::new), labels.stream().mapToInt(Integer::intValue).toArray(),
                classes);
    }

    /**
     * Each sequence stretched {@code factor}× along time by linear interpolation between its samples (the last
     * sample held): the desktop equivalent of regenerating MNIST-1D at 360 samples per sequence.
     */
    public SequenceDataset resampled(int factor) {
        if (factor < 1) throw new IllegalArgumentException("factor must be ≥ 1");
        double[][] out = new double[sequences.length][];
        for (int s = 0; s < sequences.length; s++) out[s] = resample(sequences[s], factor);
        return new SequenceDataset(out, labels.clone(), classes);
    }

    /**
     * Each sequence interpolated linearly to {@code length} samples spread over its whole span, first and last
     * samples kept: what MNIST-1D's generator does as its last step (a linspace grid on both sides).
     */
    public SequenceDataset resampledTo(int length) {
        if (length < 2) throw new IllegalArgumentException("length must be ≥ 2");
        double[][] out = new double[sequences.length][];
        for (int s = 0; s < sequences.length; s++) out[s] = stretch(sequences[s], length);
        return new SequenceDataset(out, labels.clone(), classes);
    }

    static double[] stretch(double[] x, int length) {
        int n = x.length;
        double[] y = new double[length];
        if (n == 1) {
            java.util.Arrays.fill(y, x[0]);
            return y;
        }
        for (int i = 0; i < length; i++) {
            double p = (double) i * (n - 1) / (length - 1);
            int k = Math.min((int) p, n - 2);
            y[i] = x[k] + (p - k) * (x[k + 1] - x[k]);
        }
        return y;
    }

    static double[] resample(double[] x, int factor) {
        int n = x.length;
        double[] y = new double[n * factor];
        for (int i = 0; i < y.length; i++) {
            int k = i / factor;
            double frac = (double) (i % factor) / factor;
            y[i] = k + 1 < n ? x[k] + frac * (x[k + 1] - x[k]) : x[n - 1];
        }
        return y;
    }
}
