package org.prospect.engine.run;

import java.util.concurrent.TimeUnit;

/**
 * What a window's transport needs of a run on its own thread, whatever the model: the GLE
 * {@link SimulationRunner} (a step is one Euler step dt) and the {@link RnnRunner} (a step is one training
 * iteration). Every call only queues a command; none waits for the run.
 */
public interface RunControl extends AutoCloseable {
    /** Starts the run's thread, paused. */
    void start();

    void play();

    void pause();

    /** Pause, then advance exactly {@code steps} steps (iterations). */
    void step(long steps);

    /** Back to the start with the initial weights. */
    void reset();

    /** Pace in time units per second ({@link Command#AS_FAST_AS_POSSIBLE} for flat out); a run may ignore it. */
    void setSpeed(double timeUnitsPerSecond);

    /** Plasticity on or off. */
    void setLearning(boolean on);

    /** A snapshot for a status bar (any thread). */
    RunnerStatus status();

    boolean isRunning();

    /** Length of one step in time units (1 for one iteration). */
    double dt();

    /** Waits until every command submitted so far has been applied; false on timeout. */
    boolean awaitCommands(long timeout, TimeUnit unit) throws InterruptedException;

    /** Stops the thread for good. */
    @Override
    void close();
}
