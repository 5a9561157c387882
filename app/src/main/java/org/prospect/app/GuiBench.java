package org.prospect.app;

import java.nio.file.Path;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.util.Duration;
import org.prospect.app.charts.Dashboard;
import org.prospect.app.charts.TimeChart;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.run.Command;
import org.prospect.engine.run.SimulationRunner;
import org.prospect.engine.trace.DashboardProbe;
import org.prospect.engine.trace.TraceBuffer;

/**
 * {@code prospect bench --gui [FILE] [--seconds N] [--warmup W] [--window T] [--window-only]}: how fast the window
 * draws while the engine runs flat out, and what that costs the engine. The charts' rolling window is T time units,
 * by default the one that holds {@link Dashboard#POINTS_PER_WINDOW} steps (200 τ at dt = 0.01), so that every line
 * has that many points in view. First the same experiment runs headless at speed "max"
 * (runner alone, then runner + dashboard probe with a reader draining its traces; skipped with --window-only), then
 * the window opens on it, plays at "max", and after at least W seconds of warm-up (longer while the JIT compiler
 * still takes 2 % of a core or more, see {@link JitCompilerCpu}) counts for N seconds: JavaFX pulses per
 * second (what the status bar shows), chart canvas repaints per second (all six charts together, and per chart),
 * engine steps per second, and the CPU time the FX application thread and the render thread spent per frame. On a
 * machine shared with other work, frames/s and steps/s depend on what the others take; CPU milliseconds per frame
 * of the two JavaFX threads are what a change to the drawing changes, so compare those. Prints one line per
 * measurement (and the load average, to judge the rest) and quits. Needs a display (xvfb-run, see
 * scripts/bench-gui.sh). Timings depend on the machine: nothing here is a test.
 */
public final class GuiBench {
    static final String SECONDS = "prospect.bench.seconds";
    static final String WARMUP = "prospect.bench.warmup";
    /** Seconds measured, unless --seconds says otherwise. */
    private static final double DEFAULT_SECONDS = 10;
    /** The least warm-up: the window's code takes C2 a minute and more to settle (see JitCompilerCpu). */
    private static final double DEFAULT_WARMUP = 90;
    static final String WINDOW = "prospect.bench.window";
    private static final String SIMULATION_THREAD = "prospect-simulation";
    /** The JavaFX threads that make a frame: scene graph, layout, CSS and chart canvases' commands; rasterizing them. */
    private static final String FX_THREAD = "JavaFX Application Thread";
    private static final String RENDER_THREAD = "QuantumRenderer-0";

    private GuiBench() {}

    /** Whether this launch is a bench run of the window. */
    static boolean asked() { return System.getProperty(SECONDS) != null; }

    /** Entry from the launcher: args after "bench" containing "--gui". */
    static int main(String[] args) {
        Path file = DefaultSample.path();
        double seconds = DEFAULT_SECONDS;
        double warmup = DEFAULT_WARMUP;
        boolean windowOnly = false;
        double window = Double.NaN;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "bench", "--gui" -> { }
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--window-only" -> windowOnly = true;
                case "--window" -> window = Double.parseDouble(args[++i]);
                default -> {
                    if (a.startsWith("-")) {
                        System.err.println("bench --gui: unknown option " + a + "; expected [FILE] [--seconds N] [--warmup W] [--window T] [--window-only]");
                        return 2;
                    }
                    file = Path.of(a);
                }
            }
        }
        GleExperiment experiment;
        try {
            experiment = DefaultSample.load(file);
        } catch (Exception e) {
            System.err.println("bench --gui: " + e.getMessage());
            return 2;
        }
        double dt = experiment.dynamics().dt();
        if (Double.isNaN(window)) window = Dashboard.POINTS_PER_WINDOW * dt;
        window = Math.max(Dashboard.MIN_WINDOW, Math.min(Dashboard.MAX_WINDOW, window));
        System.out.printf(Locale.ROOT, "file %s, at least %.0f s warm-up, %.0f s measured, %d cores, load average %s%n", file,
                warmup, seconds, Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.printf(Locale.ROOT, "rolling window %.4g τ: %,d steps, %,d points per line in view%n", window,
                Math.round(window / dt), Math.min(Math.round(window / dt), Dashboard.POINTS_PER_WINDOW));
        System.out.printf(Locale.ROOT, "drawing threads at nice %d (-D%s=N, 0 to give them the engine's priority)%n",
                DrawingPriority.configuredNice(false), DrawingPriority.PROPERTY);
        double alone = Double.NaN;
        if (!windowOnly) {
            alone = headless(experiment, false, window, warmup, seconds);
            System.out.printf(Locale.ROOT, "headless runner            %,12.0f steps/s%n", alone);
            double probed = headless(experiment, true, window, warmup, seconds);
            System.out.printf(Locale.ROOT, "headless runner + probe    %,12.0f steps/s%n", probed);
        }
        System.setProperty(SECONDS, Double.toString(seconds));
        System.setProperty(WARMUP, Double.toString(warmup));
        System.setProperty(WINDOW, Double.toString(window));
        System.setProperty("prospect.open", file.toString());
        Application.launch(ProspectApp.class);
        if (!windowOnly && windowSteps > 0) {
            // The machine's speed drifts within minutes: compare the window with headless runs on both sides of it.
            double after = headless(experiment, false, window, Math.min(warmup, 10), seconds);
            System.out.printf(Locale.ROOT, "headless runner after      %,12.0f steps/s%n", after);
            System.out.printf(Locale.ROOT, "window / headless runner   %12.0f %% (of the mean of the runs before and after)%n",
                    200 * windowSteps / (alone + after));
        }
        return 0;
    }

    /** The engine's steps/s in the window, once measured. */
    private static volatile double windowSteps;

    /** Steps/s of a runner at speed max, with or without the dashboard probe (drained like the feeder does). */
    static double headless(GleExperiment experiment, boolean probe, double window, double warmup, double seconds) {
        try (SimulationRunner runner = new SimulationRunner(experiment, MainWindow.ROWS_PER_TIME_UNIT,
                MainWindow.WINDOW_TIME_UNITS * MainWindow.ROWS_PER_TIME_UNIT, halt -> { })) {
            DashboardProbe p = null;
            if (probe) {
                p = Dashboard.probe(experiment.network(), window);
                runner.addObserver(p);
            }
            runner.start();
            runner.setSpeed(Command.AS_FAST_AS_POSSIBLE);
            runner.play();
            DashboardProbe drained = p;
            Thread reader = new Thread(() -> drain(drained), "bench-reader");
            reader.setDaemon(true);
            if (probe) reader.start();
            String what = "headless" + (probe ? " + probe" : "");
            warmUp(warmup, what);
            long s0 = runner.status().steps();
            java.util.Map<String, Long> cpu0 = threadCpuNanos();
            long jit0 = JitCompilerCpu.nanos();
            long t0 = System.nanoTime();
            sleep(seconds);
            long s1 = runner.status().steps();
            long t1 = System.nanoTime();
            printSimulationCpu(cpu0, threadCpuNanos(), s1 - s0, what);
            printJit(what, jit0, JitCompilerCpu.nanos(), (t1 - t0) / 1e9);
            reader.interrupt();
            runner.close();
            if (p != null) p.close();
            return (s1 - s0) * 1e9 / (t1 - t0);
        }
    }

    /** Seconds between checks of the JIT compiler once the minimum warm-up is over. */
    private static final double JIT_CHECK = 5;

    /** Longest warm-up for a given minimum: the compiler of a machine busy with other work may never fall quiet. */
    static double longestWarmup(double warmup) {
        return Math.max(3 * warmup, warmup + 60);
    }

    /** Sleeps at least {@code warmup} seconds, then on while the JIT compiler is busy (up to {@link #longestWarmup}). */
    private static void warmUp(double warmup, String what) {
        sleep(warmup);
        double waited = warmup;
        double share = Double.NaN;
        while (waited < longestWarmup(warmup)) {
            long before = JitCompilerCpu.nanos();
            sleep(JIT_CHECK);
            waited += JIT_CHECK;
            share = JitCompilerCpu.share(before, JitCompilerCpu.nanos(), JIT_CHECK);
            if (!JitCompilerCpu.busy(share)) break;
        }
        printWarmup(what, waited, share);
    }

    private static void printWarmup(String what, double waited, double share) {
        System.out.printf(Locale.ROOT, "%-26s %12.0f s warm-up%s%n", what + ":", waited, Double.isNaN(share) ? ""
                : String.format(Locale.ROOT, " (JIT compiler at %.0f %% of a core in its last %.0f s)", 100 * share, JIT_CHECK));
    }

    /** The JIT compiler's share of a core while measuring: above a few per cent, the warm-up was too short. */
    private static void printJit(String what, long before, long after, double seconds) {
        double share = JitCompilerCpu.share(before, after, seconds);
        if (!Double.isNaN(share)) {
            System.out.printf(Locale.ROOT, "%-26s %12.0f %% of a core for the JIT compiler while measuring%n",
                    what + ":", 100 * share);
        }
    }

    private static void drain(DashboardProbe p) {
        TraceBuffer[] traces = {p.trace(), p.lambdaTrace()};
        double[][] time = new double[2][];
        double[][][] columns = new double[2][][];
        for (int k = 0; k < 2; k++) {
            time[k] = new double[traces[k].capacity()];
            columns[k] = new double[traces[k].channels()][traces[k].capacity()];
        }
        while (!Thread.currentThread().isInterrupted()) {
            for (int k = 0; k < 2; k++) traces[k].drain(time[k], columns[k]);
            try {
                Thread.sleep(33);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** CPU time of each live thread so far, by name (threads of the same name added up). */
    private static java.util.Map<String, Long> threadCpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> cpu = new java.util.HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            java.lang.management.ThreadInfo info = mx.getThreadInfo(id);
            long t = mx.getThreadCpuTime(id);
            if (info != null && t >= 0) cpu.merge(info.getThreadName(), t, Long::sum);
        }
        return cpu;
    }

    /**
     * Steps per CPU second of the simulation thread: what the engine does with the time it gets, which on a
     * machine busy with other work says more than steps per wall second.
     */
    private static void printSimulationCpu(java.util.Map<String, Long> before, java.util.Map<String, Long> after,
                                           long steps, String what) {
        String name = SIMULATION_THREAD;
        long cpu = after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L);
        if (cpu > 0) {
            System.out.printf(Locale.ROOT, "%-26s %,12.0f steps per CPU second of the simulation thread%n",
                    what + ":", steps * 1e9 / cpu);
        }
    }

    /** The threads that used the most CPU while measuring, as a share of one core: on a busy machine, wall rates mislead. */
    private static void printCpu(java.util.Map<String, Long> before, java.util.Map<String, Long> after, double seconds) {
        after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0.02 * seconds * 1e9)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> System.out.printf(Locale.ROOT, "window: cpu %-28s %5.0f %% of a core%n",
                        e.getKey(), 100 * e.getValue() / (seconds * 1e9)));
    }

    /** The system's 1-minute load average, or "unknown": how much the other work on the machine takes. */
    private static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", load);
    }

    private static void sleep(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The λ/ε windows computed and skipped so far by the dashboard's sliding adjoint, and the trajectory chunks it
     * left out ({0, 0, 0} without one).
     */
    private static long[] adjointWindows(MainWindow window) {
        if (window.dashboard() == null || window.dashboard().probe().slidingAdjoint() == null) return new long[3];
        org.prospect.engine.adjoint.SlidingAdjoint s = window.dashboard().probe().slidingAdjoint();
        return new long[] {s.computations(), s.skipped(), s.chunksLeftOut()};
    }

    /** In the window (FX thread): plays at max, measures, prints and quits. */
    static void run(MainWindow window) {
        double seconds = Double.parseDouble(System.getProperty(SECONDS, Double.toString(DEFAULT_SECONDS)));
        double warmup = Double.parseDouble(System.getProperty(WARMUP, Double.toString(DEFAULT_WARMUP)));
        window.transport().setSpeed(Command.AS_FAST_AS_POSSIBLE);
        if (window.dashboard() != null) window.dashboard().setWindow(Double.parseDouble(System.getProperty(WINDOW, "20")));
        long[] pulses = new long[1];
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) { pulses[0]++; }
        };
        counter.start();
        PauseTransition settle = new PauseTransition(Duration.seconds(warmup));
        Runnable[] measureNow = new Runnable[1];
        // After the minimum warm-up, on in steps of JIT_CHECK while the compiler is busy (FX thread: never blocked).
        double[] waited = {warmup};
        long[] jitBefore = {JitCompilerCpu.nanos()};
        PauseTransition check = new PauseTransition(Duration.seconds(JIT_CHECK));
        check.setOnFinished(e -> {
            waited[0] += JIT_CHECK;
            double share = JitCompilerCpu.share(jitBefore[0], JitCompilerCpu.nanos(), JIT_CHECK);
            if (JitCompilerCpu.busy(share) && waited[0] < longestWarmup(warmup)) {
                jitBefore[0] = JitCompilerCpu.nanos();
                check.playFromStart();
            } else {
                printWarmup("window", waited[0], share);
                measureNow[0].run();
            }
        });
        settle.setOnFinished(e -> {
            jitBefore[0] = JitCompilerCpu.nanos();
            check.playFromStart();
        });
        measureNow[0] = () -> {
            long p0 = pulses[0];
            long r0 = TimeChart.repaints();
            long s0 = window.runner().status().steps();
            long[] windows0 = adjointWindows(window);
            java.util.Map<String, Long> cpu0 = threadCpuNanos();
            long jit0 = JitCompilerCpu.nanos();
            long t0 = System.nanoTime();
            PauseTransition measure = new PauseTransition(Duration.seconds(seconds));
            measure.setOnFinished(f -> {
                double elapsed = (System.nanoTime() - t0) / 1e9;
                long charts = window.dashboard() == null ? 1 : window.dashboard().charts().size();
                double pulseRate = (pulses[0] - p0) / elapsed;
                double repaintRate = (TimeChart.repaints() - r0) / elapsed;
                double steps = (window.runner().status().steps() - s0) / elapsed;
                windowSteps = steps;
                System.out.printf(Locale.ROOT, "window %.0fx%.0f: pulses        %8.1f /s%n",
                        window.root().getScene().getWidth(), window.root().getScene().getHeight(), pulseRate);
                System.out.printf(Locale.ROOT, "window: chart repaints          %8.1f /s (%.1f per chart, %d charts)%n",
                        repaintRate, repaintRate / charts, charts);
                System.out.printf(Locale.ROOT, "window: engine                  %,12.0f steps/s%n", steps);
                long[] windows1 = adjointWindows(window);
                long computed = windows1[0] - windows0[0];
                long skipped = windows1[1] - windows0[1];
                if (computed + skipped > 0) {
                    // The worker runs at a lower priority: at speed max it takes only the CPU left over.
                    System.out.printf(Locale.ROOT, "window: exact adjoint computed for %d of %d windows (%.0f %%)%n",
                            computed, computed + skipped, 100.0 * computed / (computed + skipped));
                    // A window is one chunk of steps long: as many chunks were started as windows filled.
                    long leftOut = windows1[2] - windows0[2];
                    System.out.printf(Locale.ROOT, "window: trajectory recorded for %.0f %% of the steps%n",
                            100.0 - 100.0 * leftOut / (computed + skipped));
                }
                java.util.Map<String, Long> cpu1 = threadCpuNanos();
                printSimulationCpu(cpu0, cpu1, window.runner().status().steps() - s0, "window");
                printCpu(cpu0, cpu1, elapsed);
                printJit("window", jit0, JitCompilerCpu.nanos(), elapsed);
                long frames = pulses[0] - p0;
                if (frames > 0) {
                    double fx = (cpu1.getOrDefault(FX_THREAD, 0L) - cpu0.getOrDefault(FX_THREAD, 0L)) / 1e6 / frames;
                    double render = (cpu1.getOrDefault(RENDER_THREAD, 0L) - cpu0.getOrDefault(RENDER_THREAD, 0L)) / 1e6 / frames;
                    System.out.printf(Locale.ROOT, "window: cpu per frame: FX thread %.1f ms + render thread %.1f ms = %.1f ms"
                            + " (%d frames; load average %s)%n", fx, render, fx + render, frames, loadAverage());
                }
                counter.stop();
                Platform.exit();
            });
            measure.play();
        };
        settle.play();
    }
}
