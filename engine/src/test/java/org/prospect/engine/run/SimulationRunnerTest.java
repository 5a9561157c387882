package org.prospect.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulationRunnerTest {
    private final BlockingQueue<Halt> halts = new ArrayBlockingQueue<>(8);
    private final SimulationRunner runner = new SimulationRunner(LagLine.experiment(), 100, 4096, halts::add);

    SimulationRunnerTest() {
        runner.start();
    }

    @AfterEach
    void close() {
        runner.close();
    }

    private void settle() throws InterruptedException {
        assertTrue(runner.awaitCommands(5, TimeUnit.SECONDS), "runner did not apply its commands in time");
    }

    @Test
    void stepAdvancesExactlyTheAskedSteps() throws Exception {
        runner.step(37);
        settle();
        assertEquals(37, runner.status().steps());
        runner.step(1);
        settle();
        assertEquals(38, runner.status().steps());
        assertEquals(0.38, runner.status().time(), 1e-12);
        assertFalse(runner.status().running());
    }

    @Test
    void stepsWriteOneTraceRowEachAtFullResolution() throws Exception {
        runner.step(10);
        settle();
        double[] time = new double[16];
        double[][] cols = new double[runner.probe().channels()][16];
        assertEquals(10, runner.trace().drain(time, cols));
        assertEquals(0.10, time[9], 1e-12);
        assertEquals(List.of("x0", "target0", "out0", "loss"), runner.probe().columns());
    }

    @Test
    void pauseStopsTheClock() throws Exception {
        runner.play();
        Thread.sleep(50);
        runner.pause();
        settle();
        long paused = runner.status().steps();
        assertTrue(paused > 0, "playing should have taken steps");
        Thread.sleep(100);
        assertEquals(paused, runner.status().steps());
        assertFalse(runner.status().running());
    }

    @Test
    void pacedRunNeverRunsAheadOfTheWallClock() throws Exception {
        runner.setSpeed(2.0);
        long started = System.nanoTime();
        runner.play();
        Thread.sleep(300);
        runner.pause();
        settle();
        double elapsed = (System.nanoTime() - started) / 1e9;
        double t = runner.status().time();
        // A one-sided bound: a busy machine can only make the run slower, never faster than 2 units per second.
        assertTrue(t > 0, "the paced run advanced");
        assertTrue(t <= 2.0 * elapsed + 0.011, "simulated " + t + " time units in " + elapsed + " s at speed 2");
    }

    @Test
    void resetReturnsToTimeZero() throws Exception {
        runner.step(250);
        runner.reset();
        settle();
        assertEquals(0, runner.status().steps());
        assertEquals(0.0, runner.status().time());
    }

    @Test
    void commandsApplyInSubmissionOrder() throws Exception {
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        runner.step(5);
        runner.submit(new Command.Apply(s -> seen.add(s.stepCount())));
        runner.step(3);
        runner.submit(new Command.Apply(s -> seen.add(s.stepCount())));
        runner.reset();
        runner.submit(new Command.Apply(s -> seen.add(s.stepCount())));
        settle();
        assertEquals(List.of(5L, 8L, 0L), seen);
    }

    @Test
    void learningSwitchShowsInTheStatus() throws Exception {
        runner.setLearning(false);
        settle();
        assertFalse(runner.status().learning());
        runner.setLearning(true);
        settle();
        assertTrue(runner.status().learning());
    }

    @Test
    void divergencePausesAndNamesTheLayerAndQuantity() throws Exception {
        runner.play();
        runner.submit(new Command.Apply(s -> s.student().weights(1)[0] = Double.NaN));
        Halt halt = halts.poll(5, TimeUnit.SECONDS);
        assertNotNull(halt, "no divergence reported");
        assertTrue(halt.diverged());
        assertTrue(halt.message().contains("layer 1"), halt.message());
        assertTrue(halt.message().contains("weights W"), halt.message());
        settle();
        assertFalse(runner.status().running());
    }

    @Test
    void aThrowingEditPausesAndReportsInsteadOfKillingTheThread() throws Exception {
        runner.play();
        runner.submit(new Command.Apply(s -> {
            throw new IllegalStateException("boom");
        }));
        Halt halt = halts.poll(5, TimeUnit.SECONDS);
        assertNotNull(halt);
        assertFalse(halt.diverged());
        assertTrue(halt.message().contains("boom"), halt.message());
        runner.step(2);
        settle(); // still alive and obeying
        assertFalse(runner.status().running());
    }
}
