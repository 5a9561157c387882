package org.prospect.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.prospect.engine.experiment.ExperimentFile;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.experiment.Settings;
import org.prospect.engine.trace.ComparisonProbe;
import org.prospect.engine.trace.LearnersObserver;

class LockstepRunnerTest {
    static final Path COMPARE = Path.of("..", "samples", "lagline-compare.json");

    /** Checks after every step that all learners took it and saw the same input. */
    static final class Lockstep implements LearnersObserver {
        volatile String problem;
        volatile long steps;
        volatile double[][] weights;

        @Override public void attach(GleSimulation[] all) {}

        @Override public void afterStep(GleSimulation[] all) {
            for (GleSimulation s : all) {
                if (s.stepCount() != all[0].stepCount()) problem = "step counts differ at " + all[0].stepCount();
                if (!java.util.Arrays.equals(s.input(), all[0].input())) problem = "inputs differ at " + all[0].stepCount();
            }
            steps = all[0].stepCount();
            double[][] w = new double[all.length][];
            for (int i = 0; i < all.length; i++) w[i] = all[i].student().weights(1).clone();
            weights = w;
        }
    }

    private static Lockstep run(long steps, Command... before) throws Exception {
        List<ExperimentFile.Learner> learners = ExperimentFile.loadLearners(COMPARE);
        try (SimulationRunner r = new SimulationRunner(learners, 100, 4096, h -> {})) {
            Lockstep l = new Lockstep();
            r.addLearnersObserver(l);
            r.addLearnersObserver(new ComparisonProbe(learners.get(0).experiment().network(),
                    learners.stream().map(ExperimentFile.Learner::label).toList(), 50, 1024));
            r.start();
            for (Command c : before) r.submit(c);
            r.step(steps);
            assertTrue(r.awaitCommands(30, TimeUnit.SECONDS));
            return l;
        }
    }

    @Test
    void learnersStepInLockstepOnTheSameInputAndTheRunIsDeterministic() throws Exception {
        // Past t = 50, where learning starts, so the learners' weights part ways.
        Lockstep a = run(5200);
        assertNull(a.problem);
        assertEquals(5200, a.steps);
        assertFalse(java.util.Arrays.equals(a.weights[0], a.weights[2]), "GLE and BPTT learn differently");
        Lockstep b = run(5200);
        for (int i = 0; i < 3; i++) assertArrayEquals(a.weights[i], b.weights[i], 0.0, "learner " + i);
    }

    @Test
    void anEditReachesEveryLearnerExceptThoseThatSetTheFieldThemselves() throws Exception {
        List<ExperimentFile.Learner> learners = ExperimentFile.loadLearners(COMPARE);
        double[][] seen = new double[3][];
        try (SimulationRunner r = new SimulationRunner(learners, 100, 4096, h -> {})) {
            r.addLearnersObserver(new LearnersObserver() {
                @Override public void attach(GleSimulation[] all) {}
                @Override public void afterStep(GleSimulation[] all) {
                    for (int i = 0; i < 3; i++) {
                        seen[i] = new double[] {all[i].student().dynamics().gamma(), all[i].learning().rate(),
                            all[i].student().dynamics().prospectiveErrors() ? 1 : 0};
                    }
                }
            });
            r.start();
            r.submit(new Command.Edit("dynamics.gamma", s -> s.setDynamics(s.student().dynamics().withGamma(0.5))));
            r.submit(new Command.Edit("learning.rate", s -> s.setLearningRate(0.123)));
            r.step(1);
            assertTrue(r.awaitCommands(10, TimeUnit.SECONDS));
        }
        assertArrayEquals(new double[] {0.5, 0.123, 1}, seen[0], 0.0);
        assertArrayEquals(new double[] {0.5, 0.123, 0}, seen[1], 0.0, "keeps its own prospectiveErrors = false");
        assertArrayEquals(new double[] {0.5, 0.01, 1}, seen[2], 0.0, "BPTT keeps its own rate");
    }

    @Test
    void overridesMatchTheFieldItsParentsAndItsChildren() {
        Settings s = new Settings(Map.of("network.layers[0].tauM", "0.5"));
        assertTrue(SimulationRunner.overrides(s, "network.layers[0].tauM"));
        assertTrue(SimulationRunner.overrides(s, "network.layers[0].tauM[1]"));
        assertTrue(SimulationRunner.overrides(s, "network.layers[0]"));
        assertFalse(SimulationRunner.overrides(s, "network.layers[0].tauR"));
        assertFalse(SimulationRunner.overrides(s, "network.layers[1].tauM"));
    }
}
