package org.prospect.app.views;

import java.util.ArrayList;
import java.util.List;
import org.prospect.engine.run.RnnHistory;

/**
 * An RNN run's metrics as an export table: one row per training iteration so far ({@code iteration} 1, 2, …) and,
 * for every rule, its loss, accuracy, alignment with BPTT, validation accuracy and loss, and the iteration's
 * milliseconds ({@code ModProp__validation_accuracy}; NaN where not evaluated). The same values as {@code prospect
 * run FILE --metrics}, laid out wide like the app's other exports so that CSV and NPZ hold the same columns.
 */
public final class RnnMetricsExport {
    /** Column suffixes, in {@link RnnHistory}'s column order (LOSS … MILLIS). */
    private static final String[] METRICS = {"loss", "accuracy", "alignment", "validation_accuracy", "validation_loss",
            "millis"};

    private RnnMetricsExport() {}

    /** The rows {@code history} has published, the rules named by {@code labels} (in the history's order). */
    public static TraceExport.Table table(RnnHistory history, List<String> labels) {
        if (labels.size() != history.rules()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + history.rules() + " rules");
        }
        int rows = history.rows();
        List<String> columns = new ArrayList<>();
        columns.add("iteration");
        double[][] values = new double[1 + labels.size() * METRICS.length][rows];
        for (int r = 0; r < rows; r++) values[0][r] = r + 1;
        int c = 1;
        for (int rule = 0; rule < labels.size(); rule++) {
            for (int m = 0; m < METRICS.length; m++, c++) {
                columns.add(TraceExport.identifier(labels.get(rule)) + "__" + METRICS[m]);
                for (int r = 0; r < rows; r++) values[c][r] = history.get(r, rule, m);
            }
        }
        return new TraceExport.Table(columns, values);
    }
}
