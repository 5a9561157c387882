package org.prospect.engine.task;

/**
 * An input (or target) signal: fills one value per batch sample and channel for each step.
 * Stateful signals (noise) must be asked for steps in order; {@link #reset} starts them over.
 */
public interface Signal {
    int channels();

    /** Writes the signal at step {@code step} (time {@code step·dt}) into {@code out}, [batch][channels]. */
    void sample(long step, double[] out);

    /** Back to step 0, with the same random numbers as the first time. */
    default void reset() {}
}
