package org.prospect.engine.bench;

import java.util.Arrays;
import org.prospect.engine.experiment.GleSimulation;

/**
 * A plain benchmark harness: warm up, then time several fixed-length runs and report the median.
 * Numbers are for the note and the README, never asserted in tests.
 */
public final class Bench {
    /** Steps per second of one workload, median over {@code runs} runs of about {@code seconds} each. */
    public record Result(Workload workload, double medianStepsPerSecond, double minStepsPerSecond,
                         double maxStepsPerSecond) {
        public double gflops() { return medianStepsPerSecond * workload.flopsPerStep() / 1e9; }
    }

    private Bench() {}

    public static Result measure(Workload w, int runs, double seconds) {
        GleSimulation sim = new GleSimulation(w.experiment());
        // Warm-up: long enough for C2 to compile the step loop.
        long warm = calibrate(sim, 1.0);
        long stepsPerRun = Math.max(1, (long) (warm * seconds));
        double[] rates = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            for (long i = 0; i < stepsPerRun; i++) sim.step();
            rates[r] = stepsPerRun / ((System.nanoTime() - t0) / 1e9);
        }
        if (sim.findNonFinite() != null) throw new IllegalStateException(w.label() + " diverged during the benchmark");
        Arrays.sort(rates);
        return new Result(w, rates[runs / 2], rates[0], rates[runs - 1]);
    }

    /** Runs for about {@code seconds} and returns the steps per second reached. */
    private static long calibrate(GleSimulation sim, double seconds) {
        long steps = 0;
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 100; i++) sim.step();
            steps += 100;
        }
        return (long) (steps / ((System.nanoTime() - t0) / 1e9));
    }
}
