package org.prospect.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prospect.engine.experiment.ExperimentFile;
import org.prospect.engine.experiment.ExperimentText;
import org.prospect.engine.experiment.RnnExperiment;
import org.prospect.engine.experiment.SessionFile;
import org.prospect.engine.rnn.RnnTrainer;

/** An RNN run saved as a session and resumed goes on exactly as if it had never stopped. */
class RnnSessionTest {
    /** Small enough to be quick; decay, L2 and validation every other iteration, so every kind of state matters. */
    static final String TINY = """
        {"name": "tiny XOR", "description": "test", "model": "rnn",
         "network": {"units": 10, "tau": 20, "dt": 1, "seed": 3},
         "task": {"cue": 6, "delay": 8},
         "training": {"batch": 4, "optimizer": "adam", "learningRate": 1e-2, "decayEvery": 3, "decayFactor": 0.5,
                      "l2": 1e-3, "validationBatch": 4, "validateEvery": 2, "iterations": 50},
         "rules": ["BPTT", "e-prop", {"rule": "ModProp", "mu": 0.25}]}
        """;

    @TempDir
    Path dir;

    private static RnnRunner started(RnnRunner r) {
        r.start();
        return r;
    }

    private static RnnRunState run(RnnRunner r, int iterations) throws Exception {
        r.step(iterations);
        assertTrue(r.awaitCommands(30, TimeUnit.SECONDS));
        return r.saveState().get(30, TimeUnit.SECONDS);
    }

    static void assertSameRun(RnnRunState straight, RnnRunState resumed) {
        assertEquals(straight.iteration(), resumed.iteration());
        assertEquals(straight.comparison().stream(), resumed.comparison().stream(), "batch stream position");
        for (int k = 0; k < straight.comparison().trainers().size(); k++) {
            RnnTrainer.Saved a = straight.comparison().trainers().get(k);
            RnnTrainer.Saved b = resumed.comparison().trainers().get(k);
            assertArrayEquals(a.wIn(), b.wIn(), 0.0, "W_in of rule " + k);
            assertArrayEquals(a.w(), b.w(), 0.0, "W of rule " + k);
            assertArrayEquals(a.wOut(), b.wOut(), 0.0, "W_out of rule " + k);
            assertArrayEquals(a.bOut(), b.bOut(), 0.0, "b_out of rule " + k);
            for (int m = 0; m < a.moments().length; m++) assertArrayEquals(a.moments()[m], b.moments()[m], 0.0, "Adam moment " + m);
            assertEquals(a.updates(), b.updates());
            assertEquals(a.iteration(), b.iteration());
        }
        double[] h1 = straight.history();
        double[] h2 = resumed.history();
        assertEquals(h1.length, h2.length, "one metrics row per iteration");
        for (int i = 0; i < h1.length; i++) {
            if (i % RnnHistory.COLUMNS == RnnHistory.MILLIS) continue; // wall time, not a result
            assertEquals(Double.doubleToLongBits(h1[i]), Double.doubleToLongBits(h2[i]), "metric " + i);
        }
    }

    @Test
    void aResumedRnnRunGivesTheSameWeightsAndCurvesAsRunningStraightThrough() throws Exception {
        Path file = dir.resolve("tiny.json");
        Files.writeString(file, TINY);
        ExperimentText opened = ExperimentText.read(file);
        RnnExperiment e = (RnnExperiment) ExperimentFile.loadAny(opened);
        RnnRunState straight;
        try (RnnRunner r = started(new RnnRunner(e, h -> { throw new AssertionError(h.message()); }))) {
            straight = run(r, 8);
        }
        Path session = dir.resolve("tiny.session");
        try (RnnRunner r = started(new RnnRunner(e, h -> { throw new AssertionError(h.message()); }))) {
            SessionFile.save(session, opened, run(r, 5));
        }
        SessionFile.RnnSession loaded = assertInstanceOf(SessionFile.RnnSession.class, SessionFile.loadAny(session));
        assertEquals(5, loaded.state().iteration());
        try (RnnRunner r = started(RnnRunner.resume(loaded.state(), h -> { throw new AssertionError(h.message()); }))) {
            assertEquals(5, r.history().rows(), "the learning curves come back");
            assertSameRun(straight, run(r, 3));
        }
    }

    @Test
    void theLearningRateSetDuringTheRunIsTheOneThatResumes() throws Exception {
        Path file = dir.resolve("tiny.json");
        Files.writeString(file, TINY);
        ExperimentText opened = ExperimentText.read(file);
        RnnExperiment e = (RnnExperiment) ExperimentFile.loadAny(opened);
        Path session = dir.resolve("tiny.session");
        try (RnnRunner r = started(new RnnRunner(e, h -> { }))) {
            r.replace(e.withLearningRate(3e-3).withMu(0.5));
            SessionFile.save(session, opened, run(r, 2));
        }
        RnnExperiment resumed = ((SessionFile.RnnSession) SessionFile.loadAny(session)).state().experiment();
        assertEquals(3e-3, resumed.training().learningRate());
        assertEquals(0.5, resumed.mu());
    }
}
