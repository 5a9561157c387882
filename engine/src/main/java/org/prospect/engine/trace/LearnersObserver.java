package org.prospect.engine.trace;

import org.prospect.engine.experiment.GleSimulation;

/**
 * Looks at every learner of a run (a comparison file's learners, or the one simulation of a plain file) from
 * the simulation thread: after each lockstep step and whenever the learners are (re)built. The array is the
 * runner's own, index 0 being the primary learner; it is the same array on every call until the next
 * {@link #attach}. Implementations must not allocate per step and must never block.
 */
public interface LearnersObserver {
    /** The learners were built (start or reset); everything recorded so far belongs to the old ones. */
    void attach(GleSimulation[] learners);

    /** Every learner has just taken the same step. */
    void afterStep(GleSimulation[] learners);

    /** The run is paused (called every few tens of milliseconds). */
    default void idle(GleSimulation[] learners) {}
}
