package org.prospect.engine.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.prospect.engine.bench.TrainingBench;
import org.prospect.engine.experiment.ExperimentFileException;
import java.util.concurrent.Callable;
import org.prospect.engine.bench.Bench;
import org.prospect.engine.bench.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", description = "Benchmark the engine on the fixed workloads; one line per workload.")
final class BenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "WORKLOAD", arity = "0..*",
            description = "lagline-b1, lagline-b100, mlp-b1, mlp-b32, mnist1d-epoch, xor-iteration (default: all)")
    List<String> workloads = new ArrayList<>();

    static final String MNIST1D_EPOCH = "mnist1d-epoch";
    static final String XOR_ITERATION = "xor-iteration";

    @Option(names = "--samples", paramLabel = "DIR", description = "the samples folder (for mnist1d-epoch), default ${DEFAULT-VALUE}")
    java.nio.file.Path samples = java.nio.file.Path.of("samples");

    @Option(names = "--runs", description = "timed runs per workload (median reported), default ${DEFAULT-VALUE}")
    int runs = 5;

    @Option(names = "--seconds", description = "length of each timed run, default ${DEFAULT-VALUE} s")
    double seconds = 2;

    @Option(names = "--same-jvm", description = "measure every workload in this JVM rather than one fresh JVM each")
    boolean sameJvm;

    @Option(names = "--no-peak", hidden = true, description = "skip the peak line (a forked workload's JVM)")
    boolean noPeak;

    @Override
    public Integer call() {
        List<String> known = allNames();
        List<String> names = workloads.isEmpty() ? known : workloads;
        for (String name : names) {
            if (!known.contains(name)) {
                System.err.println("bench: unknown workload '" + name + "'; expected one of " + known);
                return 2;
            }
        }
        if (!sameJvm && names.size() > 1) return forkEach(names);
        List<Workload> chosen = new ArrayList<>();
        boolean epoch = workloads.isEmpty() || workloads.contains(MNIST1D_EPOCH);
        boolean xor = workloads.isEmpty() || workloads.contains(XOR_ITERATION);
        if (workloads.isEmpty()) chosen.addAll(List.of(Workload.values()));
        for (String name : workloads) {
            if (name.equals(MNIST1D_EPOCH) || name.equals(XOR_ITERATION)) continue;
            Workload w = Workload.byLabel(name);
            chosen.add(w);
        }
        for (Workload w : chosen) {
            Bench.Result r = Bench.measure(w, runs, seconds);
            System.out.printf("%-14s %,14.0f steps/s  (min %,.0f, max %,.0f; batch %d; %.2f GFLOP/s; %.1f B/step;"
                    + " %,.0f per CPU-second of the stepping thread)%n",
                    w.label(), r.medianStepsPerSecond(), r.minStepsPerSecond(), r.maxStepsPerSecond(), w.batch(),
                    r.gflops(), r.bytesPerStep(), r.medianStepsPerCpuSecond());
        }
        if (epoch) {
            try {
                System.out.printf("%-14s %14.1f s per epoch (4000 sequences × 360 steps, batch 100, Adam, with the test evaluation)%n",
                        MNIST1D_EPOCH, TrainingBench.mnist1dEpochSeconds(samples));
            } catch (ExperimentFileException e) {
                System.err.println("bench " + MNIST1D_EPOCH + ": " + e.getMessage() + " (run from the project folder or give --samples)");
                return 2;
            }
        }
        if (xor) {
            Map<String, TrainingBench.IterationTime> ms = TrainingBench.xorIterationMillis(10, Math.max(3, runs));
            for (Map.Entry<String, TrainingBench.IterationTime> e : ms.entrySet()) {
                System.out.printf("%-14s %14.0f ms per iteration  %s (batch 32, 900 steps, 120 units; %.0f CPU-ms)%n",
                        XOR_ITERATION, e.getValue().wallMillis(), e.getKey(), e.getValue().cpuMillis());
            }
        }
        // Measured after the workloads, so that it does not warm or heat anything for them.
        if (!noPeak) printPeak();
        return 0;
    }

    private void printPeak() {
        Bench.Peak p = Bench.peak(runs, Math.min(seconds, 1));
        System.out.printf("%-14s %14.2f GFLOP/s on 1 core, %.2f GFLOP/s on %d cores (axpy fma in L1)%n", "peak",
                p.oneCore(), p.allCores(), p.cores());
        System.out.printf("%-14s %14.2f GFLOP/s on 1 core, %.2f GFLOP/s on %d cores (the products' kernel alone,"
                + " 16×128 · 128×128 per core: mlp-b32's ceiling)%n", "peak kernel", p.kernelOneCore(),
                p.kernelAllCores(), p.cores());
    }

    private static List<String> allNames() {
        List<String> all = new ArrayList<>(java.util.Arrays.stream(Workload.values()).map(Workload::label).toList());
        all.add(MNIST1D_EPOCH);
        all.add(XOR_ITERATION);
        return all;
    }

    /**
     * Each workload in a JVM of its own, as JMH forks: C2 compiles a kernel from the shapes it has seen, so a
     * workload measured after others in the same JVM runs code shaped by them (the engine keeps the largest such
     * effect away with its own single-row kernel, but a benchmark should not depend on the order of its lines).
     */
    private int forkEach(List<String> names) {
        String launcher = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String name : names) {
            List<String> command = new ArrayList<>();
            command.add(launcher);
            command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Cli.class.getName(), "bench",
                    "--same-jvm", "--no-peak", "--runs", String.valueOf(runs), "--seconds", String.valueOf(seconds),
                    "--samples", samples.toString(), name));
            try {
                int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
                if (exit != 0) return exit;
            } catch (java.io.IOException e) {
                System.err.println("bench: could not start a JVM for " + name + ": " + e.getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        printPeak();
        return 0;
    }
}
