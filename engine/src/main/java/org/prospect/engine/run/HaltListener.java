package org.prospect.engine.run;

/** Told when a runner pauses itself. Called on the simulation thread: hand off, do not block. */
@FunctionalInterface
public interface HaltListener {
    void halted(Halt halt);
}
