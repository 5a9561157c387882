package org.prospect.engine.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid of runs of one experiment file: every combination of the axes' values, numbered with the last axis
 * varying fastest, so that point {@code i} is the same on every machine (for cluster job arrays).
 */
public final class Sweep {
    /** One swept field and its values, as written after {@code --set path=}. */
    public record Axis(String path, List<String> values) {
        public Axis {
            if (values.isEmpty()) throw new IllegalArgumentException(path + ": no values");
            values = List.copyOf(values);
        }

        /** Parses {@code path=v1,v2,…}; commas inside brackets belong to a value ({@code tauM=[1,2],[2,3]}). */
        public static Axis parse(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                throw new IllegalArgumentException("expected path=value1,value2,…, got '" + text + "'");
            }
            List<String> values = new ArrayList<>();
            int depth = 0;
            int start = eq + 1;
            for (int i = start; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '[' || c == '{') depth++;
                if (c == ']' || c == '}') depth--;
                if (c == ',' && depth == 0) {
                    values.add(text.substring(start, i).strip());
                    start = i + 1;
                }
            }
            values.add(text.substring(start).strip());
            return new Axis(text.substring(0, eq).strip(), values);
        }
    }

    /** The outcome of one point: its settings, whether it ran, the final metrics and (small nets) parameters. */
    public record Point(int index, Settings settings, String status, String error, double finalLoss,
                        double meanLoss, long steps, double seconds, Map<String, Double> parameters) {}

    private final Path file;
    private final List<Axis> axes;

    public Sweep(Path file, List<Axis> axes) {
        this.file = file;
        this.axes = List.copyOf(axes);
    }

    public List<Axis> axes() { return axes; }

    public int size() {
        int n = 1;
        for (Axis a : axes) n = Math.multiplyExact(n, a.values().size());
        return n;
    }

    public Settings settings(int index) {
        if (index < 0 || index >= size()) throw new IllegalArgumentException("point " + index + " outside 0.." + (size() - 1));
        Map<String, String> values = new LinkedHashMap<>();
        int rest = index;
        for (int a = axes.size() - 1; a >= 0; a--) {
            List<String> v = axes.get(a).values();
            values.put(axes.get(a).path(), v.get(rest % v.size()));
            rest /= v.size();
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (Axis a : axes) ordered.put(a.path(), values.get(a.path()));
        return new Settings(ordered);
    }

    /**
     * Runs point {@code index} for {@code steps} steps (≤ 0: the file's duration). Never throws for a bad
     * point: its error is recorded so the rest of the sweep goes on.
     */
    public Point run(int index, long steps) {
        return run(index, steps, null);
    }

    /** Like {@link #run(int, long)}; a {@code duration} (simulated time, may be null) overrides the steps. */
    public Point run(int index, long steps, Double duration) {
        Settings settings = settings(index);
        long started = System.nanoTime();
        try {
            GleExperiment e = ExperimentFile.load(file, settings);
            long n = duration != null ? Math.round(duration / e.dynamics().dt()) : steps > 0 ? steps : e.steps();
            GleSimulation sim = new GleSimulation(e);
            long tail = Math.max(1, n / 10);
            double tailLoss = 0;
            for (long i = 0; i < n; i++) {
                sim.step();
                if (i >= n - tail) tailLoss += sim.loss();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            String diverged = sim.findNonFinite();
            return new Point(index, settings, diverged == null ? "ok" : "diverged",
                    diverged == null ? "" : "non-finite " + diverged, sim.loss(), tailLoss / tail, n, seconds,
                    FinalParameters.of(sim.student(), sim.experiment().learning().learnTauM(), 32));
        } catch (ExperimentFileException ex) {
            return failed(index, settings, ex.getMessage(), started);
        } catch (RuntimeException ex) {
            return failed(index, settings, ex.getClass().getSimpleName() + ": " + ex.getMessage(), started);
        }
    }

    private static Point failed(int index, Settings settings, String message, long started) {
        return new Point(index, settings, "error", message, Double.NaN, Double.NaN, 0,
                (System.nanoTime() - started) / 1e9, Map.of());
    }
}
