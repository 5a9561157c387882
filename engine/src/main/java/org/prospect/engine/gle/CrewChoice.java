package org.prospect.engine.gle;

import java.util.Arrays;

/**
 * Decides whether a step goes to the {@link StepCrew} or to the stepping thread alone. A second thread only
 * helps when a core is free for it: on a machine busy with other work a spin barrier waits for a descheduled
 * partner. Since the results do not depend on the number of workers, every {@link #PERIOD} steps a few are
 * taken each way and the faster way is kept until the next trial.
 *
 * <p>The median step time of each trial is compared, not the total: the first crew step after a serial stretch
 * wakes a parked helper whose caches have gone cold, and a compilation or deoptimization can stall any single
 * step; a total of a few dozen steps took the wrong side about half the time on this machine.
 */
final class CrewChoice {
    static final int TRIAL_STEPS = 32;
    static final int PERIOD = 2048;

    private final long[] serialNanos = new long[TRIAL_STEPS];
    private final long[] crewNanos = new long[TRIAL_STEPS];
    private boolean crewFaster = true;

    /** Whether step number {@code step} goes to the crew: first a serial trial, then a crew trial, then the faster. */
    boolean useCrew(long step) {
        long phase = step % PERIOD;
        if (phase < TRIAL_STEPS) return false;
        if (phase < 2 * TRIAL_STEPS) return true;
        return crewFaster;
    }

    /** Records the wall time step number {@code step} took; the end of the crew trial settles the choice. */
    void record(long step, long nanos) {
        int phase = (int) (step % PERIOD);
        if (phase < TRIAL_STEPS) {
            serialNanos[phase] = nanos;
        } else if (phase < 2 * TRIAL_STEPS) {
            crewNanos[phase - TRIAL_STEPS] = nanos;
            if (phase == 2 * TRIAL_STEPS - 1) crewFaster = median(crewNanos) < median(serialNanos);
        }
    }

    /** Whether the steps after the last trial go to the crew. */
    boolean crewFaster() { return crewFaster; }

    /** Sorts in place (the trial's times are not needed in order) and returns the middle value. */
    private static long median(long[] times) {
        Arrays.sort(times);
        return times[times.length / 2];
    }
}
