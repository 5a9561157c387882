package org.prospect.engine.adjoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.gle.NetworkSpec;
import org.prospect.engine.testing.SmallNetworks;

class SlidingAdjointTest {
    private static final int WINDOW = 60;

    private static double[] alignedTarget(GleSimulation sim) {
        return sim.teacher().output();
    }

    @Test
    void firstWindowEqualsAdjointRunOnTheSameTrajectory() {
        // γ = 0 and no learning: the student runs exactly the free dynamics AdjointRun differentiates.
        GleExperiment e = SmallNetworks.teacherStudent(0, false);
        GleSimulation sim = new GleSimulation(e);
        double dt = e.dynamics().dt();
        SlidingAdjoint sliding = new SlidingAdjoint(e.network(), e.batch(), WINDOW);
        sliding.begin(sim.student(), sim.stepCount());
        for (int t = 0; t < WINDOW; t++) {
            sim.step();
            boolean computed = sliding.record(sim.input(), alignedTarget(sim), sim.student(), dt);
            assertEquals(t == WINDOW - 1, computed, "computed exactly when the window filled");
        }
        assertEquals(0, sliding.computedStart());
        AdjointRun run = AdjointRun.compute(e, WINDOW);
        NetworkSpec spec = e.network();
        for (int t = 0; t < WINDOW; t++) {
            for (int l = 0; l < spec.layerCount(); l++) {
                double[] expected = run.adjoint().lambda(t, l);
                double[] actual = sliding.lambda(t, l);
                for (int k = 0; k < expected.length; k++) {
                    assertEquals(expected[k], actual[k], 1e-12, "λ at step " + t + ", layer " + l + ", " + k);
                }
            }
        }
        for (int l = 0; l < spec.layerCount(); l++) {
            double[] expected = run.adjoint().weightGradient(l);
            double[] actual = sliding.adjoint().weightGradient(l);
            for (int k = 0; k < expected.length; k++) assertEquals(expected[k], actual[k], 1e-12);
        }
        assertTrue(run.adjoint().loss() > 0);
        assertEquals(run.adjoint().loss(), sliding.adjoint().loss(), 1e-12);
    }

    @Test
    void overlappingWindowEqualsExactAdjointOnTheSameRecordedTrajectory() {
        // Windows of 2W steps every W steps: the second one spans steps W … 3W, learning and nudging on.
        GleExperiment e = SmallNetworks.teacherStudent(1, true);
        GleSimulation sim = new GleSimulation(e);
        double dt = e.dynamics().dt();
        SlidingAdjoint sliding = new SlidingAdjoint(e.network(), e.batch(), WINDOW, 2 * WINDOW);
        sliding.begin(sim.student(), sim.stepCount());
        Trajectory manual = new Trajectory(e.network(), e.batch(), 2 * WINDOW);
        int computed = 0;
        for (int t = 0; t < 3 * WINDOW; t++) {
            if (t == WINDOW) manual.begin(sim.student());
            sim.step();
            if (t >= WINDOW) manual.record(sim.input(), alignedTarget(sim), sim.student());
            if (sliding.record(sim.input(), alignedTarget(sim), sim.student(), dt)) computed++;
        }
        assertEquals(2, computed, "one window at step 2W, the next at 3W");
        assertEquals(WINDOW, sliding.computedStart(), "the second window begins after step W");
        assertFalse(manual.length() < 2 * WINDOW);
        ExactAdjoint direct = new ExactAdjoint(e.network(), e.batch(), 2 * WINDOW);
        direct.compute(manual, sim.student(), dt);
        for (int t = 0; t < 2 * WINDOW; t++) {
            for (int l = 0; l < e.network().layerCount(); l++) {
                double[] expected = direct.lambda(t, l);
                double[] actual = sliding.lambda(t, l);
                for (int k = 0; k < expected.length; k++) assertEquals(expected[k], actual[k], 0.0);
            }
        }
        assertEquals(direct.loss(), sliding.adjoint().loss(), 0.0);
        assertTrue(Double.isFinite(sliding.alignment()), "GLE learned in the window: the alignment is defined");
    }

    @Test
    void inBackgroundComputesTheSameWindowsAsInLine() throws Exception {
        // Two identical runs, learning on: one computes each window in line, the other hands it to its worker
        // (waited for after every step, so that none is skipped).
        GleExperiment e = SmallNetworks.teacherStudent(1, true);
        GleSimulation inLineSim = new GleSimulation(e);
        GleSimulation backgroundSim = new GleSimulation(e);
        double dt = e.dynamics().dt();
        SlidingAdjoint inLine = new SlidingAdjoint(e.network(), e.batch(), WINDOW, 2 * WINDOW);
        java.util.List<double[]> told = new java.util.ArrayList<>();
        try (SlidingAdjoint background = SlidingAdjoint.inBackground(e.network(), e.batch(), WINDOW, 2 * WINDOW,
                s -> told.add(new double[] {s.computedStart(), s.alignment(), s.lambda(WINDOW - 1, 0)[0]}))) {
            inLine.begin(inLineSim.student(), inLineSim.stepCount());
            background.begin(backgroundSim.student(), backgroundSim.stepCount());
            java.util.List<double[]> expected = new java.util.ArrayList<>();
            for (int t = 0; t < 5 * WINDOW; t++) {
                inLineSim.step();
                backgroundSim.step();
                if (inLine.record(inLineSim.input(), alignedTarget(inLineSim), inLineSim.student(), dt)) {
                    expected.add(new double[] {inLine.computedStart(), inLine.alignment(), inLine.lambda(WINDOW - 1, 0)[0]});
                }
                assertFalse(background.record(backgroundSim.input(), alignedTarget(backgroundSim),
                        backgroundSim.student(), dt), "never computed on the recording thread");
                background.awaitIdle();
            }
            assertEquals(0, background.skipped());
            assertEquals(4, expected.size());
            assertEquals(expected.size(), told.size());
            for (int k = 0; k < expected.size(); k++) {
                assertEquals(expected.get(k)[0], told.get(k)[0], 0.0, "window start");
                assertEquals(expected.get(k)[1], told.get(k)[1], 0.0, "alignment");
                assertEquals(expected.get(k)[2], told.get(k)[2], 0.0, "λ");
            }
        }
    }

    @Test
    void everyWindowOfALongRunEqualsTheExactAdjointOverItsOwnSteps() {
        // Twelve strides: the chunks the windows share are reused several times over.
        GleExperiment e = SmallNetworks.teacherStudent(1, true);
        GleSimulation sim = new GleSimulation(e);
        double dt = e.dynamics().dt();
        SlidingAdjoint sliding = new SlidingAdjoint(e.network(), e.batch(), WINDOW, 2 * WINDOW);
        sliding.begin(sim.student(), sim.stepCount());
        // Windows begin every W steps and last 2W: two are open at a time, recorded here independently.
        Trajectory[] manual = {new Trajectory(e.network(), e.batch(), 2 * WINDOW),
                new Trajectory(e.network(), e.batch(), 2 * WINDOW)};
        ExactAdjoint direct = new ExactAdjoint(e.network(), e.batch(), 2 * WINDOW);
        int computed = 0;
        for (int t = 0; t < 12 * WINDOW; t++) {
            if (t % WINDOW == 0) manual[(t / WINDOW) % 2].begin(sim.student());
            sim.step();
            for (Trajectory m : manual) if (t >= WINDOW || m == manual[0]) m.record(sim.input(), alignedTarget(sim), sim.student());
            if (sliding.record(sim.input(), alignedTarget(sim), sim.student(), dt)) {
                Trajectory full = manual[((t + 1) / WINDOW) % 2];
                assertEquals(2 * WINDOW, full.length());
                direct.compute(full, sim.student(), dt);
                for (int u = 0; u < 2 * WINDOW; u++) {
                    for (int l = 0; l < e.network().layerCount(); l++) {
                        assertArrayEquals(direct.lambda(u, l), sliding.lambda(u, l), 0.0, "window " + computed + ", step " + u);
                    }
                }
                computed++;
            }
        }
        assertEquals(11, computed);
    }

    /** λ of every step and layer of the window just computed, copied. */
    private static double[][][] lambdas(SlidingAdjoint s, int layers) {
        double[][][] out = new double[s.span()][layers][];
        for (int t = 0; t < s.span(); t++) {
            for (int l = 0; l < layers; l++) out[t][l] = s.lambda(t, l).clone();
        }
        return out;
    }

    @Test
    void stepsOnlyDroppedWindowsWouldReadAreNotRecordedAndComputedWindowsStayExact() throws Exception {
        // The worker is held busy until released here: first for 8 strides (its duration is then known), then for
        // 4, earlier than expected, so that it waits for the next window whose chunks were all recorded.
        GleExperiment e = SmallNetworks.teacherStudent(1, true);
        GleSimulation sim = new GleSimulation(e);
        double dt = e.dynamics().dt();
        int layers = e.network().layerCount();
        java.util.concurrent.Semaphore release = new java.util.concurrent.Semaphore(0);
        java.util.Map<Long, double[][][]> told = new java.util.concurrent.ConcurrentHashMap<>();
        Trajectory[] manual = {new Trajectory(e.network(), e.batch(), 2 * WINDOW),
                new Trajectory(e.network(), e.batch(), 2 * WINDOW)};
        ExactAdjoint direct = new ExactAdjoint(e.network(), e.batch(), 2 * WINDOW);
        java.util.Map<Long, double[][][]> expected = new java.util.HashMap<>();
        try (SlidingAdjoint background = SlidingAdjoint.inBackground(e.network(), e.batch(), WINDOW, 2 * WINDOW, s -> {
            told.put(s.computedStart(), lambdas(s, layers));
            release.acquireUninterruptibly();
        })) {
            background.begin(sim.student(), sim.stepCount());
            for (int t = 0; t < 20 * WINDOW; t++) {
                if (t == 10 * WINDOW || t == 15 * WINDOW) {
                    release.release();
                    background.awaitIdle();
                }
                if (t % WINDOW == 0) manual[(t / WINDOW) % 2].begin(sim.student());
                sim.step();
                for (Trajectory m : manual) if (t >= WINDOW || m == manual[0]) m.record(sim.input(), alignedTarget(sim), sim.student());
                background.record(sim.input(), alignedTarget(sim), sim.student(), dt);
                if ((t + 1) % WINDOW == 0 && t + 1 >= 2 * WINDOW) {
                    direct.compute(manual[((t + 1) / WINDOW) % 2], sim.student(), dt);
                    double[][][] lambda = new double[2 * WINDOW][layers][];
                    for (int u = 0; u < 2 * WINDOW; u++) {
                        for (int l = 0; l < layers; l++) lambda[u][l] = direct.lambda(u, l).clone();
                    }
                    expected.put((long) (t + 1 - 2 * WINDOW), lambda);
                }
            }
            release.release(10);
            background.awaitIdle();
            // Windows handed over when full at steps 2W, 11W and 17W. The first took 8 strides, so after the second
            // hand-over chunks 11…14 are left out (their windows all fill before 11W + 8W − W) and the window that
            // fills at 16W, with the worker back at 15W, is dropped; the next, recorded since 15W, is computed. The
            // second took 4 strides; the upper median of the two is 8, so after the third chunks 17…19 are left out.
            assertEquals(java.util.Set.of(0L, (long) 9 * WINDOW, (long) 15 * WINDOW), told.keySet());
            assertEquals(7, background.chunksLeftOut());
            for (var window : told.entrySet()) {
                double[][][] want = expected.get(window.getKey());
                for (int u = 0; u < 2 * WINDOW; u++) {
                    for (int l = 0; l < layers; l++) {
                        assertArrayEquals(want[u][l], window.getValue()[u][l], 0.0,
                                "window from step " + window.getKey() + ", step " + u + ", layer " + l);
                    }
                }
            }
        }
    }

    @Test
    void theBackgroundWorkerYieldsToOtherThreadsOnLinux() throws Exception {
        java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(java.nio.file.Path.of("/proc/thread-self")),
                "Linux only");
        GleExperiment e = SmallNetworks.teacherStudent(1, true);
        GleSimulation sim = new GleSimulation(e);
        try (SlidingAdjoint background = SlidingAdjoint.inBackground(e.network(), e.batch(), WINDOW, 2 * WINDOW, s -> { })) {
            background.begin(sim.student(), sim.stepCount());
            for (int t = 0; t < 2 * WINDOW; t++) {
                sim.step();
                background.record(sim.input(), alignedTarget(sim), sim.student(), e.dynamics().dt());
            }
            background.awaitIdle(); // the worker has computed a window, so it has started and lowered itself
            Integer nice = null;
            try (var list = java.nio.file.Files.list(tasks)) {
                for (java.nio.file.Path task : list.toList()) {
                    String comm = java.nio.file.Files.readString(task.resolve("comm")).strip();
                    if (!"prospect-sliding-adjoint".startsWith(comm)) continue;
                    String stat = java.nio.file.Files.readString(task.resolve("stat"));
                    // Fields after "(comm) ": state is the 3rd field of stat, nice the 19th.
                    nice = Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
                }
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(nice != null, "worker thread not found in /proc");
            assertEquals(BackgroundPriority.NICENESS, nice);
        }
    }
}
