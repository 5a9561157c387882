package org.prospect.engine.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.prospect.engine.experiment.Sweep;
import org.prospect.engine.trace.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sweep", description = "Run a grid of variations of one experiment; one CSV row of final metrics per point.")
final class SweepCommand implements java.util.concurrent.Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "experiment file (JSON)")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=V1,V2,…", required = true,
            description = "a field path of the file and its values, e.g. dynamics.gamma=0.5,1,2 (repeatable)")
    List<String> axes = new ArrayList<>();

    @Option(names = "--parallel", paramLabel = "N", description = "points run at once (default: number of cores)")
    int parallel = Runtime.getRuntime().availableProcessors();

    @Option(names = "--index", paramLabel = "I", description = "run only point I (for cluster job arrays)")
    Integer index;

    @Option(names = "--steps", paramLabel = "N", description = "steps per point (default: the file's duration)")
    long steps;

    @Option(names = "--duration", paramLabel = "T", description = "simulated time per point (instead of --steps)")
    Double duration;

    @Option(names = "--out", paramLabel = "OUT.csv", required = true, description = "results, one row per point")
    Path out;

    @Override
    public Integer call() throws Exception {
        Sweep sweep;
        try {
            List<Sweep.Axis> parsed = new ArrayList<>();
            for (String a : axes) parsed.add(Sweep.Axis.parse(a));
            sweep = new Sweep(file, parsed);
        } catch (IllegalArgumentException e) {
            System.err.println("--set: " + e.getMessage());
            return 2;
        }
        if (index != null && (index < 0 || index >= sweep.size())) {
            System.err.println("--index: expected a point between 0 and " + (sweep.size() - 1) + ", got " + index);
            return 2;
        }
        if (parallel < 1) {
            System.err.println("--parallel: expected at least 1, got " + parallel);
            return 2;
        }
        List<Integer> points = new ArrayList<>();
        if (index != null) points.add(index);
        else for (int i = 0; i < sweep.size(); i++) points.add(i);

        List<Sweep.Point> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, points.size()));
        try {
            List<Future<Sweep.Point>> futures = new ArrayList<>();
            for (int p : points) futures.add(pool.submit(() -> sweep.run(p, steps, duration)));
            for (Future<Sweep.Point> f : futures) {
                Sweep.Point r = f.get();
                results.add(r);
                System.err.printf("point %d/%d %s %s%s%n", r.index() + 1, sweep.size(), r.settings().values(), r.status(),
                        r.error().isEmpty() ? String.format(" loss %.4g (%.1f s)", r.finalLoss(), r.seconds()) : ": " + r.error());
            }
        } finally {
            pool.shutdownNow();
        }
        write(sweep, results);
        long failed = results.stream().filter(r -> !r.status().equals("ok")).count();
        System.err.printf("%d points written to %s (%d failed or diverged)%n", results.size(), out, failed);
        return 0;
    }

    private void write(Sweep sweep, List<Sweep.Point> results) throws IOException {
        Set<String> parameters = new LinkedHashSet<>();
        for (Sweep.Point r : results) parameters.addAll(r.parameters().keySet());
        AtomicFiles.write(out, w -> {
            List<String> header = new ArrayList<>(List.of("index"));
            for (Sweep.Axis a : sweep.axes()) header.add(a.path());
            header.addAll(List.of("status", "error", "final_loss", "mean_loss_last10pct", "steps", "wall_seconds"));
            header.addAll(parameters);
            w.write(String.join(",", header.stream().map(SweepCommand::csvCell).toList()) + "\n");
            for (Sweep.Point r : results) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(r.index())));
                for (Sweep.Axis a : sweep.axes()) row.add(csvCell(r.settings().values().get(a.path())));
                row.add(r.status());
                row.add(csvCell(r.error()));
                row.add(Double.toString(r.finalLoss()));
                row.add(Double.toString(r.meanLoss()));
                row.add(Long.toString(r.steps()));
                row.add(String.format(java.util.Locale.ROOT, "%.3f", r.seconds()));
                for (String p : parameters) {
                    Double v = r.parameters().get(p);
                    row.add(v == null ? "" : v.toString());
                }
                w.write(String.join(",", row) + "\n");
            }
        });
    }

    /** Quotes a cell that holds a comma, quote or line break (RFC 4180). */
    static String csvCell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
