package org.prospect.engine.run;

/**
 * Why a runner paused itself: the simulation diverged ({@code cause} is null) or a step threw.
 *
 * @param message one line for a banner, e.g. "Diverged at t = 1.20: non-finite layer 0 weights W"
 */
public record Halt(String message, Throwable cause) {
    public boolean diverged() { return cause == null; }
}
