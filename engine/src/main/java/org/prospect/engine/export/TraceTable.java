package org.prospect.engine.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A growing table of per-step values under named columns, exported as one NPZ array per quantity:
 * {@code x0, x1} become {@code x} of shape [steps, 2]; {@code L1_n0_u, L1_n1_u} become {@code L1_u};
 * scalar columns such as {@code t} stay vectors.
 */
public final class TraceTable {
    private static final Pattern NEURON = Pattern.compile("(L\\d+)_n(\\d+)_(\\w+)");
    private static final Pattern CHANNEL = Pattern.compile("([A-Za-z_]+?)(\\d+)");

    private final List<String> columns;
    private double[] data = new double[1024];
    private int rows;

    public TraceTable(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    public void add(double[] row) {
        int width = columns.size();
        if (row.length != width) throw new IllegalArgumentException("row has " + row.length + " values, table " + width);
        if ((rows + 1) * width > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, (rows + 1) * width));
        System.arraycopy(row, 0, data, rows * width, width);
        rows++;
    }

    public int rows() { return rows; }

    public double value(int row, int column) { return data[row * columns.size() + column]; }

    /** The NPZ arrays: columns grouped by quantity, each [steps, members] in the columns' order. */
    public NpzWriter toNpz() {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) groups.computeIfAbsent(group(columns.get(c)), k -> new ArrayList<>()).add(c);
        NpzWriter npz = new NpzWriter();
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            List<Integer> members = g.getValue();
            boolean vector = members.size() == 1 && g.getKey().equals(columns.get(members.get(0)));
            double[] values = new double[rows * members.size()];
            for (int r = 0; r < rows; r++) {
                for (int m = 0; m < members.size(); m++) values[r * members.size() + m] = value(r, members.get(m));
            }
            npz.add(g.getKey(), vector ? new int[] {rows} : new int[] {rows, members.size()}, values);
        }
        return npz;
    }

    static String group(String column) {
        Matcher n = NEURON.matcher(column);
        if (n.matches()) return n.group(1) + "_" + n.group(3);
        Matcher c = CHANNEL.matcher(column);
        if (c.matches()) return c.group(1);
        return column;
    }
}
