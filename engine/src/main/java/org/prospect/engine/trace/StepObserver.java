package org.prospect.engine.trace;

import org.prospect.engine.experiment.GleSimulation;

/**
 * Looks at a simulation from its own thread: after every step, when a (new) simulation is built, and
 * now and then while the run is paused. Implementations must not allocate per step and must never
 * block: they run inside the simulation's hot loop.
 */
public interface StepObserver {
    /** A simulation was built (start or reset); everything recorded so far belongs to the old one. */
    void attach(GleSimulation simulation);

    /** The simulation has just taken a step. */
    void afterStep(GleSimulation simulation);

    /** The run is paused (called every few tens of milliseconds); e.g. publish what a step or edit changed. */
    default void idle(GleSimulation simulation) {}
}
