package org.prospect.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One case of the GLE reference traces (test resources {@code reference/NAME.json} and {@code .csv}),
 * read independently of the engine's own experiment-file parser.
 */
public final class ReferenceCase {
    public final JsonNode setup;
    public final List<String> columns;
    public final List<double[]> rows;

    private ReferenceCase(JsonNode setup, List<String> columns, List<double[]> rows) {
        this.setup = setup;
        this.columns = columns;
        this.rows = rows;
    }

    public static ReferenceCase load(String name) {
        try {
            JsonNode setup = new ObjectMapper().readTree(resource(name + ".json"));
            Csv csv = Csv.read(resource(name + ".csv"));
            return new ReferenceCase(setup, csv.columns, csv.rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream resource(String file) {
        InputStream in = ReferenceCase.class.getResourceAsStream("/reference/" + file);
        if (in == null) throw new IllegalStateException("missing test resource reference/" + file);
        return in;
    }

    /** {@code W{l}} of a weights object as a flat row-major array. */
    public static double[] matrix(JsonNode rowsNode) {
        List<Double> v = new ArrayList<>();
        rowsNode.forEach(row -> row.forEach(x -> v.add(x.asDouble())));
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static double[] vector(JsonNode node) {
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) v[i] = node.get(i).asDouble();
        return v;
    }

    /** A plain CSV with a header row and numeric cells. */
    public static final class Csv {
        public final List<String> columns;
        public final List<double[]> rows;

        Csv(List<String> columns, List<double[]> rows) {
            this.columns = columns;
            this.rows = rows;
        }

        public static Csv read(InputStream in) throws IOException {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                List<String> header = Arrays.asList(r.readLine().split(","));
                List<double[]> rows = new ArrayList<>();
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.isBlank()) continue;
                    rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
                }
                return new Csv(header, rows);
            }
        }

        public int column(String name) {
            int i = columns.indexOf(name);
            if (i < 0) throw new IllegalArgumentException("no column " + name);
            return i;
        }
    }
}
