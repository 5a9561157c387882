package org.prospect.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.prospect.engine.experiment.RnnExperiment;
import org.prospect.engine.gle.Optimizer;
import org.prospect.engine.rnn.LearningRule;
import org.prospect.engine.rnn.RnnSpec;
import org.prospect.engine.rnn.TrainingSpec;
import org.prospect.engine.rnn.XorSpec;

class RnnRunnerTest {
    static RnnExperiment tiny() {
        return new RnnExperiment("tiny", "test", RnnSpec.paper(1).withUnits(12), new XorSpec(10, 10, 0.02, 2, 3, 0.01),
                new TrainingSpec(4, Optimizer.Kind.ADAM, 1e-2, 100, 1, 0, 4, 1), 50,
                List.of(new RnnExperiment.RuleEntry("BPTT", LearningRule.bptt(), true),
                        new RnnExperiment.RuleEntry("ModProp", LearningRule.modProp(0.25), true)));
    }

    @Test void stepAdvancesExactlyOneIterationAndResetGoesBackToZero() throws Exception {
        try (RnnRunner r = new RnnRunner(tiny(), h -> { throw new AssertionError(h.message()); })) {
            r.start();
            r.step(1);
            assertTrue(r.awaitCommands(10, TimeUnit.SECONDS));
            assertEquals(1, r.iteration());
            assertEquals(1, r.status().steps());
            assertFalse(r.isRunning());
            assertEquals(1, r.history().rows());
            assertEquals(1.0, r.history().get(0, 0, RnnHistory.ALIGNMENT), "BPTT is aligned with itself");
            double cos = r.history().get(0, 1, RnnHistory.ALIGNMENT);
            assertTrue(cos > -1 && cos < 1, "ModProp's alignment " + cos);
            r.step(2);
            assertTrue(r.awaitCommands(10, TimeUnit.SECONDS));
            assertEquals(3, r.iteration());
            RnnSnapshot s = r.snapshots().front();
            assertEquals(3, s.iteration);
            assertEquals(1, s.rule, "ModProp is shown by default");
            r.reset();
            assertTrue(r.awaitCommands(10, TimeUnit.SECONDS));
            assertEquals(0, r.iteration());
            assertEquals(0, r.history().rows());
        }
    }

    @Test void playRunsAndPauseStops() throws Exception {
        try (RnnRunner r = new RnnRunner(tiny(), h -> { })) {
            r.start();
            r.play();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (r.iteration() < 3 && System.nanoTime() < deadline) Thread.sleep(10);
            r.pause();
            assertTrue(r.awaitCommands(10, TimeUnit.SECONDS));
            int at = r.iteration();
            assertTrue(at >= 3, "iterations " + at);
            Thread.sleep(100);
            assertEquals(at, r.iteration());
        }
    }

    @Test void learningOffLeavesTheWeightsAlone() throws Exception {
        try (RnnRunner r = new RnnRunner(tiny(), h -> { })) {
            r.start();
            r.setLearning(false);
            r.step(3);
            assertTrue(r.awaitCommands(10, TimeUnit.SECONDS));
            RnnSnapshot s = r.snapshots().front();
            for (double d : s.dw) assertEquals(0.0, d);
            assertFalse(r.status().learning());
        }
    }
}
