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
    void atPacedSpeedTheWorkerComputesEveryWindowAsInLine() throws Exception {
        // Two identical runs, learning on: one computes each window in line, the other hands it to its worker with a
        // share of a tenth of a core. The clock moves a millisecond per step and stands still while the worker
        // computes (waited for after every step): a stride lasts far longer than the worker needs, as at paced speeds.
        GleExperiment e = SmallNetworks.teacherStudent(1, true);
        GleSimulation inLineSim = new GleSimulation(e);
        GleSimulation backgroundSim = new GleSimulation(e);
        double dt = e.dynamics().dt();
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
        SlidingAdjoint inLine = new SlidingAdjoint(e.network(), e.batch(), WINDOW, 2 * WINDOW);
        java.util.List<double[]> told = new java.util.ArrayList<>();
        try (SlidingAdjoint background = SlidingAdjoint.inBackground(e.network(), e.batch(), WINDOW, 2 * WINDOW, 0.1,
                s -> told.add(new double[] {s.computedStart(), s.alignment(), s.lambda(WINDOW - 1, 0)[0]}), clock::get)) {
            inLine.begin(inLineSim.student(), inLineSim.stepCount());
            background.begin(backgroundSim.student(), backgroundSim.stepCount());
            java.util.List<double[]> expected = new java.util.ArrayList<>();
            for (int t = 0; t < 5 * WINDOW; t++) {
                clock.addAndGet(1_000_000);
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
            assertEquals(0, background.chunksLeftOut());
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
    void theWorkerTakesOnlyItsShareAndStepsOnlyDroppedWindowsWouldReadAreNotRecorded() throws Exception {
        // The clock moves one unit per step (a stride is W units); the worker, with a share of half a core, is held
        // in its listener until released here, the clock standing still meanwhile, so that its working times are
        // known: 2W units for the window handed over at 2W, W for the next, 2W for the third.
        GleExperiment e = SmallNetworks.teacherStudent(1, true);
        GleSimulation sim = new GleSimulation(e);
        double dt = e.dynamics().dt();
        int layers = e.network().layerCount();
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.Semaphore entered = new java.util.concurrent.Semaphore(0);
        java.util.concurrent.Semaphore release = new java.util.concurrent.Semaphore(0);
        java.util.Map<Long, double[][][]> told = new java.util.concurrent.ConcurrentHashMap<>();
        Trajectory[] manual = {new Trajectory(e.network(), e.batch(), 2 * WINDOW),
                new Trajectory(e.network(), e.batch(), 2 * WINDOW)};
        ExactAdjoint direct = new ExactAdjoint(e.network(), e.batch(), 2 * WINDOW);
        java.util.Map<Long, double[][][]> expected = new java.util.HashMap<>();
        try (SlidingAdjoint background = SlidingAdjoint.inBackground(e.network(), e.batch(), WINDOW, 2 * WINDOW, 0.5, s -> {
            told.put(s.computedStart(), lambdas(s, layers));
            entered.release();
            release.acquireUninterruptibly();
        }, clock::get)) {
            background.begin(sim.student(), sim.stepCount());
            java.util.Set<Integer> handOvers = java.util.Set.of(2 * WINDOW, 5 * WINDOW, 9 * WINDOW, 13 * WINDOW);
            for (int t = 0; t < 14 * WINDOW; t++) {
                if (t == 4 * WINDOW || t == 6 * WINDOW || t == 11 * WINDOW) {
                    release.release();
                    background.awaitIdle();
                }
                if (t % WINDOW == 0) manual[(t / WINDOW) % 2].begin(sim.student());
                clock.incrementAndGet();
                sim.step();
                for (Trajectory m : manual) if (t >= WINDOW || m == manual[0]) m.record(sim.input(), alignedTarget(sim), sim.student());
                background.record(sim.input(), alignedTarget(sim), sim.student(), dt);
                if (handOvers.contains(t + 1)) {
                    // The worker has this window: its working time runs from this step's clock until released.
                    assertTrue(entered.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS), "window handed over at step " + (t + 1));
                }
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
            // Hand-overs at 2W (worked 2W, until 4W; until then every chunk is recorded), then at 5W, the first window
            // to fill once the worker was back (worked W). The median of the two is 2W, so with half a core the next
            // hand-over waits until 4W after the last: chunks 5 and 6 are left out (the windows they open would fill
            // at 7W and 8W), chunks 7 and 8 are recorded and their window is handed over at 9W (worked 2W); the median
            // stays 2W, chunks 9 and 10 are left out, the window of 11 and 12 is handed over at 13W, and chunk 13 is
            // left out. Each computed window is the exact adjoint of its own steps.
            assertEquals(java.util.Set.of(0L, (long) 3 * WINDOW, (long) 7 * WINDOW, (long) 11 * WINDOW), told.keySet());
            assertEquals(5, background.chunksLeftOut());
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
}
