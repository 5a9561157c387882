package org.prospect.app.views;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.DataSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.prospect.app.charts.ExportedLine;
import org.prospect.engine.export.NpzWriter;
import org.prospect.engine.trace.AtomicFiles;

/**
 * Exports what the charts hold now ("visible window"): every line of every chart given, as one table with a
 * time column {@code t} (the union of the lines' x values, ascending) and one column per line, NaN where a
 * line has no point at that time. The dashboard gives its lines at every step of its window instead of the points
 * it draws ({@code Dashboard.visibleLines}). Column names are the chart's id and the line's legend name, made into
 * identifiers ({@code signal_chart__output_r}), the same in the CSV header and as NPZ array names. Lines are
 * read under their data sets' read locks; call from any thread but the feeders'.
 */
public final class TraceExport {
    /** The exported table: column names (the first is {@code t}) and values [column][row]. */
    public record Table(List<String> columns, double[][] values) {
        public int rows() { return values.length == 0 ? 0 : values[0].length; }
    }

    private TraceExport() {}

    /** The points every line of {@code charts} (id → chart) holds, read under the data sets' read locks. */
    public static List<ExportedLine> lines(Map<String, XYChart> charts) {
        List<ExportedLine> lines = new ArrayList<>();
        for (Map.Entry<String, XYChart> c : charts.entrySet()) {
            for (DataSet d : c.getValue().getAllDatasets()) {
                double[][] xy = d.lock().readLockGuard(() -> {
                    int n = d.getDataCount();
                    double[] x = new double[n];
                    double[] y = new double[n];
                    for (int k = 0; k < n; k++) {
                        x[k] = d.get(DataSet.DIM_X, k);
                        y[k] = d.get(DataSet.DIM_Y, k);
                    }
                    return new double[][] {x, y};
                });
                lines.add(new ExportedLine(c.getKey(), d.getName(), xy[0], xy[1]));
            }
        }
        return lines;
    }

    /** One table of these lines: the union of their times, NaN where a line has no point. */
    public static Table collect(List<ExportedLine> lines) {
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        used.add("t");
        for (ExportedLine l : lines) {
            String base = identifier(l.chart()) + "__" + identifier(l.name());
            String name = base;
            for (int i = 2; !used.add(name); i++) name = base + "_" + i;
            names.add(name);
        }
        double[] times = lines.stream().flatMapToDouble(l -> Arrays.stream(l.x())).filter(Double::isFinite)
                .sorted().distinct().toArray();
        double[][] values = new double[1 + lines.size()][times.length];
        values[0] = times;
        for (int c = 0; c < lines.size(); c++) {
            double[] column = values[1 + c];
            Arrays.fill(column, Double.NaN);
            double[] x = lines.get(c).x();
            double[] y = lines.get(c).y();
            for (int k = 0; k < x.length; k++) {
                int row = Arrays.binarySearch(times, x[k]);
                if (row >= 0) column[row] = y[k];
            }
        }
        List<String> columns = new ArrayList<>();
        columns.add("t");
        columns.addAll(names);
        return new Table(columns, values);
    }

    /** Writes the table as CSV ({@code .csv}) or NPZ (anything else, normally {@code .npz}), atomically. */
    public static void write(Table table, Path out) throws IOException {
        if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            writeCsv(table, out);
        } else {
            writeNpz(table, out);
        }
    }

    public static void writeCsv(Table table, Path out) throws IOException {
        AtomicFiles.write(out, w -> {
            w.write(String.join(",", table.columns()));
            w.write('\n');
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < table.rows(); r++) {
                line.setLength(0);
                for (int c = 0; c < table.values().length; c++) {
                    if (c > 0) line.append(',');
                    line.append(table.values()[c][r]);
                }
                line.append('\n');
                w.append(line);
            }
        });
    }

    public static void writeNpz(Table table, Path out) throws IOException {
        NpzWriter npz = new NpzWriter();
        for (int c = 0; c < table.columns().size(); c++) npz.add(table.columns().get(c), table.values()[c]);
        npz.write(out);
    }

    private static final Map<String, String> GREEK = new LinkedHashMap<>();

    static {
        GREEK.put("τ", "tau");
        GREEK.put("γ", "gamma");
        GREEK.put("λ", "lambda");
        // The errors chart's ε is the exact error −β·∂L/∂s/dt: say so in the column name.
        GREEK.put("ε", "exact_error");
        GREEK.put("φ", "phi");
        GREEK.put("ŭ", "u_prosp");
        GREEK.put("ĕ", "e_prosp");
        GREEK.put("‖", "norm_");
        GREEK.put("Δ", "d");
        GREEK.put("−", "minus_");
        GREEK.put("∂", "d");
    }

    /** A Python identifier for a chart or line name: {@code "τ_m L0 n0"} → {@code tau_m_L0_n0}. */
    static String identifier(String name) {
        String s = name == null ? "" : name;
        for (Map.Entry<String, String> e : GREEK.entrySet()) s = s.replace(e.getKey(), e.getValue());
        s = s.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
        if (s.isEmpty()) s = "line";
        if (Character.isDigit(s.charAt(0))) s = "c" + s;
        return s;
    }
}
