package org.prospect.engine.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.gle.ProductPeak;

/**
 * A plain benchmark harness: warm up, then time several fixed-length runs and report the median.
 * Numbers are for the note and the README, never asserted in tests.
 */
public final class Bench {
    /**
     * Steps per second of one workload, median over {@code runs} runs of about {@code seconds} each, and the bytes
     * allocated per step by all threads during those runs (0 for a step that allocates nothing).
     */
    public record Result(Workload workload, double medianStepsPerSecond, double minStepsPerSecond,
                         double maxStepsPerSecond, double bytesPerStep, double medianStepsPerCpuSecond) {
        public double gflops() { return medianStepsPerSecond * workload.flopsPerStep() / 1e9; }
    }

    /** The machine's multiply-add throughput on in-cache data, one core and all cores, in GFLOP/s. */
    /**
     * The ceilings: {@code oneCore}/{@code allCores} for a bare axpy in L1, {@code kernelOneCore}/{@code kernelAllCores}
     * for the engine's own product kernel at mlp-b32's main shape, alone.
     */
    public record Peak(double oneCore, double allCores, double kernelOneCore, double kernelAllCores, int cores) {}

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Bench() {}

    public static Result measure(Workload w, int runs, double seconds) {
        GleSimulation sim = new GleSimulation(w.experiment());
        long warm = warmUp(sim);
        long stepsPerRun = Math.max(1, (long) (warm * seconds));
        double[] rates = new double[runs];
        double[] cpuRates = new double[runs];
        long allocatedBefore = allocatedBytes();
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            for (long i = 0; i < stepsPerRun; i++) sim.step();
            // CPU time of the stepping thread: on a machine shared with other work this is what the step
            // itself costs, where wall time also counts the time the thread waited for a core.
            cpuRates[r] = stepsPerRun / ((THREADS.getCurrentThreadCpuTime() - c0) / 1e9);
            rates[r] = stepsPerRun / ((System.nanoTime() - t0) / 1e9);
        }
        double bytesPerStep = (double) (allocatedBytes() - allocatedBefore) / (runs * stepsPerRun);
        if (sim.findNonFinite() != null) throw new IllegalStateException(w.label() + " diverged during the benchmark");
        Arrays.sort(rates);
        return new Result(w, rates[runs / 2], rates[0], rates[runs - 1], bytesPerStep, median(cpuRates));
    }

    /** Bytes allocated so far by this thread and the engine's step helpers ("gle-step-…"; see StepCrew). */
    private static long allocatedBytes() {
        long sum = 0;
        for (java.lang.management.ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("gle-step-")) {
                sum += Math.max(0, THREADS.getThreadAllocatedBytes(t.getThreadId()));
            }
        }
        // Read last, so that what finding the helpers allocated is counted before the runs, not in them.
        return sum + THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /**
     * Steps until the rate settles: C2 takes one to three seconds here to compile the step of a large network
     * (1 s of warm-up left some runs of mlp-b32 half-compiled, and the step rate can sit on a plateau for a
     * second before the last compilation lands), so half-second windows run for at least 2.5 s and then until
     * two in a row agree within 5 %, for at most 10 s. Returns the last window's steps per second.
     */
    private static long warmUp(GleSimulation sim) {
        long previous = calibrate(sim, 2.0);
        for (int window = 0; window < 16; window++) {
            long rate = calibrate(sim, 0.5);
            if (Math.abs(rate - previous) <= 0.05 * previous) return rate;
            previous = rate;
        }
        return previous;
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

    /**
     * The ceiling for the engine's products: a vectorised axpy {@code y += a·x} (one fma per element, the inner
     * loop of every GLE product) on vectors that stay in L1, on one core and on every core at once. Median of
     * {@code runs} runs.
     */
    public static Peak peak(int runs, double seconds) {
        int cores = Runtime.getRuntime().availableProcessors();
        axpyRate(1.0); // warm-up
        ProductPeak.rate(1.0);
        double[] one = new double[runs];
        double[] all = new double[runs];
        double[] kernelOne = new double[runs];
        double[] kernelAll = new double[runs];
        for (int r = 0; r < runs; r++) {
            one[r] = axpyRate(seconds);
            all[r] = onEveryCore(cores, () -> axpyRate(seconds));
            kernelOne[r] = ProductPeak.rate(seconds);
            kernelAll[r] = onEveryCore(cores, () -> ProductPeak.rate(seconds));
        }
        return new Peak(median(one), median(all), median(kernelOne), median(kernelAll), cores);
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        return values[values.length / 2];
    }

    /** The sum of {@code rate} run on {@code threads} threads at once. */
    private static double onEveryCore(int threads, java.util.function.DoubleSupplier rate) {
        double[] rates = new double[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int slot = t;
            workers[t] = new Thread(() -> rates[slot] = rate.getAsDouble());
            workers[t].start();
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Double.NaN;
            }
        }
        double sum = 0;
        for (double r : rates) sum += r;
        return sum;
    }

    /**
     * GFLOP/s of repeated axpy over 2 × 8 KiB of doubles, run for about {@code seconds}: the best of the eight
     * placements of the arrays within a 64-byte line. C2 does not align a vector loop to the actual addresses,
     * so the same compiled loop ran at 21 or 40 GFLOP/s from one JVM to the next depending on where its arrays
     * fell; the best placement is the machine's peak. (1030 = 6 mod 8: x and y, allocated one after the other,
     * then share a placement, as the engine's kernel rows do; see Kernels.Rows.)
     */
    private static double axpyRate(double seconds) {
        double best = 0;
        for (int placement = 0; placement < 8; placement++) {
            double[] spacer = new double[placement]; // shifts the next allocations by 8 bytes per element
            double[] x = new double[1030];
            double[] y = new double[1030];
            Arrays.fill(x, 1e-3);
            long passes = 0;
            long t0 = System.nanoTime();
            long deadline = t0 + (long) (seconds / 8 * 1e9);
            while (System.nanoTime() < deadline) {
                for (int i = 0; i < 1000; i++) axpy(1e-9, x, y);
                passes += 1000;
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            if (!Double.isFinite(y[0])) throw new IllegalStateException("peak loop diverged");
            // Read, so that the spacer's allocation is not optimized away (it would no longer shift x and y).
            if (spacer.length != placement) throw new IllegalStateException("spacer of " + spacer.length);
            best = Math.max(best, 2.0 * AXPY_LENGTH * passes / elapsed / 1e9);
        }
        return best;
    }

    private static final int AXPY_LENGTH = 1024;

    private static void axpy(double a, double[] x, double[] y) {
        for (int j = 0; j < AXPY_LENGTH; j++) y[j] = Math.fma(a, x[j], y[j]);
    }
}
