package org.prospect.engine.adjoint;

import org.prospect.engine.gle.GleNetwork;
import org.prospect.engine.gle.NetworkSpec;

/**
 * The exact adjoint λ over a sliding window of the recent past, for showing next to GLE's errors: the
 * student's trajectory is recorded step by step into consecutive windows of {@code windowSteps} steps;
 * when a window is full, {@link ExactAdjoint#compute} back-propagates through it with the current weights
 * and time constants, and λ for every step of that window becomes readable until the next window fills.
 * λ is thus available one window late. Preallocated: recording and computing allocate nothing.
 *
 * <p>Steps are counted like {@code GleSimulation.stepCount()}: the step recorded at position {@code t} of
 * a window beginning at step {@code s} is step {@code s + t + 1}, at time {@code (s + t + 1)·dt}.
 */
public final class SlidingAdjoint {
    private final Trajectory trajectory;
    private final ExactAdjoint adjoint;
    private final int windowSteps;
    private long windowStart;
    private long computedStart = -1;
    private long computeNanos;
    private long computations;
    private long lastComputeNanos;

    public SlidingAdjoint(NetworkSpec spec, int batch, int windowSteps) {
        if (windowSteps < 1) throw new IllegalArgumentException("window must have at least one step");
        this.windowSteps = windowSteps;
        trajectory = new Trajectory(spec, batch, windowSteps);
        adjoint = new ExactAdjoint(spec, batch, windowSteps);
    }

    /** Starts a new window at the network's current state; {@code stepsTaken} is the simulation's step count now. */
    public void begin(GleNetwork net, long stepsTaken) {
        trajectory.begin(net);
        windowStart = stepsTaken;
    }

    /**
     * Records the step just taken (its input, the target aligned with its output, the new state); when
     * this fills the window, computes λ over it and begins the next window.
     *
     * @param lossWeight weight of each step's loss ({@code dt} for GLE.md's definition)
     * @return whether a window was just computed
     */
    public boolean record(double[] input, double[] alignedTarget, GleNetwork net, double lossWeight) {
        trajectory.record(input, alignedTarget, net);
        if (!trajectory.isFull()) return false;
        long t0 = System.nanoTime();
        adjoint.compute(trajectory, net, lossWeight);
        lastComputeNanos = System.nanoTime() - t0;
        computeNanos += lastComputeNanos;
        computations++;
        computedStart = windowStart;
        begin(net, windowStart + windowSteps);
        return true;
    }

    public int windowSteps() { return windowSteps; }

    /** The step count at which the last computed window began, or −1 before the first window is computed. */
    public long computedStart() { return computedStart; }

    /** Steps recorded into the current (not yet computed) window. */
    public int pending() { return trajectory.length(); }

    /** λ of the last computed window at its position {@code t}, layer {@code l}, [batch·n] (live view). */
    public double[] lambda(int t, int l) { return adjoint.lambda(t, l); }

    /** The last computation: λ, ∂L/∂W, ∂L/∂b, ∂L/∂τ_m and the loss over the window. */
    public ExactAdjoint adjoint() { return adjoint; }

    /** Windows computed so far. */
    public long computations() { return computations; }

    /** Mean wall time of one window's back-propagation so far, in nanoseconds (0 before the first). */
    public double meanComputeNanos() { return computations == 0 ? 0 : (double) computeNanos / computations; }

    public long lastComputeNanos() { return lastComputeNanos; }
}
