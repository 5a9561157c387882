package org.prospect.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Optionally gives the drawing threads (JavaFX's render thread, the chart feeders) a lower scheduling priority
 * than the engine, on Linux, where a thread's nice level is its own: {@code -Dprospect.drawingNice=N} (1–19).
 *
 * <p>Why it is off by default: at speed max on two cores the engine and the drawing share the CPU, and a lower
 * priority for the drawing moves CPU time to the engine, but it buys less than it costs. Measured under Xvfb
 * (interleaved bench --gui runs): the engine kept 56–60 % of its headless speed at 48–51 frames/s with equal
 * priorities and 60–65 % at 37–38 frames/s with the drawing at nice 4–8. For a demo the frames matter more; a
 * researcher who watches a long run at speed max may prefer the steps. At paced speeds nothing changes.
 *
 * <p>The exact adjoint's worker keeps its priority: its hand-over rule predicts when it returns, which a niced
 * thread made unpredictable. The FX application thread keeps nice 0 too: it creates the simulation thread, and
 * Linux threads inherit their creator's nice level (which an unprivileged user cannot lower again, which is also
 * why this is a launch option and not a toggle). Renicing uses the {@code renice} command; without it or /proc this
 * does nothing and says so once.
 */
final class DrawingPriority {
    static final String PROPERTY = "prospect.drawingNice";
    static final int DEFAULT_NICE = 0;
    /** Java thread names of the threads that only draw or prepare drawing; none of them starts engine threads. */
    static final List<String> DRAWING_THREADS = List.of("QuantumRenderer-0", "prospect-dashboard-feeder",
            "prospect-rnn-feeder", "prospect-comparison-feeder", "prospect-mnist-feeder");
    private static final long SCAN_MILLIS = 2000;

    private final int nice;
    private final Path tasks;
    private final List<String> drawingThreads;
    /** Threads already lowered; pruned when they end so that a reused thread id is looked at afresh. */
    private final Set<Integer> lowered = new HashSet<>();
    private volatile Thread scanner;
    private boolean reported;

    /** Lowers the threads with the given Java names, found under {@code tasks} (/proc/self/task), to {@code nice}. */
    DrawingPriority(int nice, Path tasks, List<String> drawingThreads) {
        if (nice < 0 || nice > 19) throw new IllegalArgumentException("nice level " + nice + ", expected 0–19");
        this.nice = nice;
        this.tasks = tasks;
        this.drawingThreads = List.copyOf(drawingThreads);
    }

    /**
     * Starts lowering this JVM's drawing threads as they appear, at the level {@code -Dprospect.drawingNice}
     * asks for; a bad value is reported on stderr (naming the property and the range) and the default used.
     */
    static DrawingPriority start() {
        int nice = configuredNice(true);
        DrawingPriority priority = new DrawingPriority(nice, ProcTasks.SELF, DRAWING_THREADS);
        if (nice > 0 && Files.isDirectory(priority.tasks)) priority.startScanning();
        return priority;
    }

    /** The level {@code -Dprospect.drawingNice} asks for, or the default after a warning (if {@code warn}). */
    static int configuredNice(boolean warn) {
        try {
            return niceLevel(System.getProperty(PROPERTY));
        } catch (IllegalArgumentException e) {
            if (warn) System.err.println("warning: " + e.getMessage() + "; using " + DEFAULT_NICE);
            return DEFAULT_NICE;
        }
    }

    /** The nice level a property value asks for: blank means the default; otherwise an integer 0–19. */
    static int niceLevel(String value) {
        if (value == null || value.isBlank()) return DEFAULT_NICE;
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 0 && n <= 19) return n;
        } catch (NumberFormatException e) {
            // reported below with the expected range
        }
        throw new IllegalArgumentException("-D" + PROPERTY + "=" + value + " is not a nice level; expected an integer"
                + " from 0 (drawing threads keep the engine's priority) to 19 (lowest)");
    }

    /** Whether a thread, by its /proc comm name, is one that only draws. */
    boolean draws(String comm) {
        for (String name : drawingThreads) {
            if (comm.equals(ProcTasks.comm(name))) return true;
        }
        return false;
    }

    /** How many live threads this has lowered. */
    int lowered() {
        return lowered.size();
    }

    private void startScanning() {
        Thread t = new Thread(this::scanLoop, "prospect-drawing-priority");
        t.setDaemon(true);
        scanner = t;
        t.start();
    }

    void stop() {
        Thread t = scanner;
        if (t != null) t.interrupt();
    }

    private void scanLoop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                if (!lowerNewDrawingThreads()) return;
                Thread.sleep(SCAN_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Lowers every drawing thread not lowered before; false (after one line on stderr) when that cannot work
     * here, so the caller stops trying.
     */
    boolean lowerNewDrawingThreads() {
        List<Integer> fresh = new ArrayList<>();
        Set<Integer> present = new HashSet<>();
        try {
            for (ProcTasks.Task task : ProcTasks.list(tasks)) {
                present.add(task.id());
                if (!lowered.contains(task.id()) && draws(task.comm())) fresh.add(task.id());
            }
        } catch (IOException e) {
            return report("cannot list " + tasks + ": " + e.getMessage());
        }
        lowered.retainAll(present);
        for (int tid : fresh) {
            try {
                Process p = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", Integer.toString(tid))
                        .redirectErrorStream(true).start();
                String said = new String(p.getInputStream().readAllBytes()).strip();
                boolean done = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
                // A thread that ended meanwhile cannot be reniced, and needs not be.
                if (!done && Files.isDirectory(tasks.resolve(Integer.toString(tid)))) return report("renice: " + said);
            } catch (IOException e) {
                return report("cannot run renice: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            lowered.add(tid);
        }
        return true;
    }

    private boolean report(String why) {
        if (!reported) {
            reported = true;
            System.err.println("note: the drawing threads keep the engine's priority (" + why + ")");
        }
        return false;
    }
}
