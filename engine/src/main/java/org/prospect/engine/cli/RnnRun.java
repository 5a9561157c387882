package org.prospect.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prospect.engine.experiment.RnnExperiment;
import org.prospect.engine.rnn.IterationMetrics;
import org.prospect.engine.rnn.RnnComparison;
import org.prospect.engine.rnn.RnnTrainer;
import org.prospect.engine.rnn.RnnWeights;
import org.prospect.engine.trace.AtomicFiles;

/**
 * {@code prospect run FILE} for an rnn experiment: every rule side by side for K iterations, a progress line on
 * stderr now and then, and optionally one metrics row per iteration and rule (written atomically at the end) and
 * the final weights of every rule.
 */
final class RnnRun {
    static final String HEADER = "iteration,rule,loss,accuracy,alignment,validation_accuracy,validation_loss,millis";
    private static final long PROGRESS_NANOS = 2_000_000_000L;

    private RnnRun() {}

    static int run(RnnExperiment x, Path file, Integer iterations, boolean gleLength, Path metrics, Path csv, Path npz,
                   Path finalJson) throws IOException {
        if (gleLength) {
            System.err.println("--steps/--duration/--epochs: " + file + " is an rnn experiment (use --iterations K)");
            return 2;
        }
        if (csv != null || npz != null) {
            System.err.println("--csv/--npz: an rnn experiment has no step trace; use --metrics OUT.csv (one row per "
                    + "iteration and rule) and --final OUT.json");
            return 2;
        }
        int k = iterations == null ? x.iterations() : iterations;
        if (k <= 0) {
            System.err.println("--iterations: expected a positive number, got " + k);
            return 2;
        }
        RnnComparison comparison = x.newComparison();
        List<String> labels = x.labels();
        StringBuilder rows = new StringBuilder(HEADER).append('\n');
        long started = System.nanoTime();
        long lastProgress = started;
        List<IterationMetrics> last = List.of();
        String diverged = null;
        for (int i = 1; i <= k; i++) {
            last = comparison.iterate();
            for (int r = 0; r < last.size(); r++) {
                IterationMetrics m = last.get(r);
                rows.append(i).append(',').append(csvText(labels.get(r))).append(',').append(m.loss()).append(',')
                        .append(m.accuracy()).append(',').append(x.alignment(r, m)).append(',')
                        .append(m.validationAccuracy()).append(',').append(m.validationLoss()).append(',')
                        .append(String.format(Locale.ROOT, "%.3f", m.millis())).append('\n');
                if (!Double.isFinite(m.loss()) && diverged == null) diverged = labels.get(r) + " at iteration " + i;
            }
            long now = System.nanoTime();
            if (now - lastProgress >= PROGRESS_NANOS || i == k || i == 1) {
                lastProgress = now;
                System.err.println(progress(i, k, labels, last, x, (now - started) / 1e9));
            }
            if (diverged != null) break;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (metrics != null) AtomicFiles.write(metrics, out -> out.write(rows.toString()));
        if (finalJson != null) {
            Map<String, Object> finals = new LinkedHashMap<>();
            List<RnnTrainer> trainers = comparison.trainers();
            for (int r = 0; r < trainers.size(); r++) finals.put(labels.get(r), weights(trainers.get(r).weights()));
            AtomicFiles.write(finalJson, out -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(out, finals));
        }
        System.err.printf(Locale.ROOT, "%s: %d rule%s × %d iterations in %.1f s%n", x.name(), labels.size(),
                labels.size() == 1 ? "" : "s", k, seconds);
        if (diverged != null) {
            System.err.println("warning: the run diverged: non-finite loss of " + diverged);
        }
        return 0;
    }

    private static String progress(int i, int k, List<String> labels, List<IterationMetrics> ms, RnnExperiment x,
                                   double seconds) {
        List<String> parts = new ArrayList<>();
        for (int r = 0; r < ms.size(); r++) {
            IterationMetrics m = ms.get(r);
            String val = Double.isNaN(m.validationAccuracy()) ? ""
                    : String.format(Locale.ROOT, " val %.0f %%", 100 * m.validationAccuracy());
            double a = x.alignment(r, m);
            String align = Double.isNaN(a) ? "" : String.format(Locale.ROOT, " cos %.2f", a);
            parts.add(String.format(Locale.ROOT, "%s loss %.3f%s%s", labels.get(r), m.loss(), val, align));
        }
        return String.format(Locale.ROOT, "iteration %d/%d (%.1f s): %s", i, k, seconds, String.join(" | ", parts));
    }

    private static String csvText(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static Map<String, Object> weights(RnnWeights w) {
        int n = w.spec().units();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("W_in", Json.rows(w.wIn, n, w.spec().inputs()));
        out.put("W", Json.rows(w.w, n, n));
        out.put("W_out", Json.rows(w.wOut, w.spec().outputs(), n));
        out.put("b_out", w.bOut.clone());
        return out;
    }
}
