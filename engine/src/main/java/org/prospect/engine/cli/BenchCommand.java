package org.prospect.engine.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.prospect.engine.bench.Bench;
import org.prospect.engine.bench.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", description = "Benchmark the engine on the fixed workloads; one line per workload.")
final class BenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "WORKLOAD", arity = "0..*",
            description = "lagline-b1, lagline-b100, mlp-b1, mlp-b32 (default: all)")
    List<String> workloads = new ArrayList<>();

    @Option(names = "--runs", description = "timed runs per workload (median reported), default ${DEFAULT-VALUE}")
    int runs = 5;

    @Option(names = "--seconds", description = "length of each timed run, default ${DEFAULT-VALUE} s")
    double seconds = 2;

    @Override
    public Integer call() {
        List<Workload> chosen = new ArrayList<>();
        if (workloads.isEmpty()) chosen.addAll(List.of(Workload.values()));
        for (String name : workloads) {
            Workload w = Workload.byLabel(name);
            if (w == null) {
                System.err.println("bench: unknown workload '" + name + "'; expected one of "
                        + java.util.Arrays.stream(Workload.values()).map(Workload::label).toList());
                return 2;
            }
            chosen.add(w);
        }
        for (Workload w : chosen) {
            Bench.Result r = Bench.measure(w, runs, seconds);
            System.out.printf("%-14s %,14.0f steps/s  (min %,.0f, max %,.0f; batch %d; %.2f GFLOP/s; %.1f B/step;"
                    + " %,.0f per CPU-second of the stepping thread)%n",
                    w.label(), r.medianStepsPerSecond(), r.minStepsPerSecond(), r.maxStepsPerSecond(), w.batch(),
                    r.gflops(), r.bytesPerStep(), r.medianStepsPerCpuSecond());
        }
        // Measured after the workloads, so that it does not warm or heat anything for them.
        Bench.Peak p = Bench.peak(runs, Math.min(seconds, 1));
        System.out.printf("%-14s %14.2f GFLOP/s on 1 core, %.2f GFLOP/s on %d cores (axpy fma in L1)%n", "peak",
                p.oneCore(), p.allCores(), p.cores());
        return 0;
    }
}
