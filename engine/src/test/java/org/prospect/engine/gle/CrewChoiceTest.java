package org.prospect.engine.gle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CrewChoiceTest {
    private static final int T = CrewChoice.TRIAL_STEPS;

    /** Feeds one period of step times: serial trial, crew trial; returns the choice after the trial. */
    private static boolean afterTrial(CrewChoice choice, long period, long[] serial, long[] crew) {
        long first = period * CrewChoice.PERIOD;
        for (int k = 0; k < T; k++) choice.record(first + k, serial[k]);
        for (int k = 0; k < T; k++) choice.record(first + T + k, crew[k]);
        return choice.useCrew(first + 2 * T);
    }

    private static long[] constant(long nanos) {
        long[] t = new long[T];
        java.util.Arrays.fill(t, nanos);
        return t;
    }

    @Test
    void eachPeriodStartsWithASerialTrialThenACrewTrial() {
        CrewChoice choice = new CrewChoice();
        for (long period = 0; period < 3; period++) {
            long first = period * CrewChoice.PERIOD;
            assertFalse(choice.useCrew(first));
            assertFalse(choice.useCrew(first + T - 1));
            assertTrue(choice.useCrew(first + T));
            assertTrue(choice.useCrew(first + 2 * T - 1));
        }
    }

    @Test
    void keepsTheCrewWhenItsStepsAreFaster() {
        assertTrue(afterTrial(new CrewChoice(), 0, constant(300_000), constant(180_000)));
    }

    @Test
    void keepsTheSteppingThreadAloneWhenTheCrewIsSlower() {
        CrewChoice choice = new CrewChoice();
        assertFalse(afterTrial(choice, 0, constant(100_000), constant(130_000)));
        assertFalse(choice.useCrew(CrewChoice.PERIOD - 1));
    }

    @Test
    void aFewStalledCrewStepsDoNotTurnTheChoice() {
        // The first crew step wakes a parked helper; a deoptimization stalls another.
        long[] crew = constant(180_000);
        crew[0] = 5_000_000;
        crew[7] = 3_000_000;
        assertTrue(afterTrial(new CrewChoice(), 0, constant(300_000), crew));
    }

    @Test
    void aCrewThatStallsOnMostStepsLoses() {
        // A busy machine: the partner is descheduled on most steps.
        long[] crew = constant(2_000_000);
        for (int k = 0; k < T; k += 3) crew[k] = 180_000;
        assertFalse(afterTrial(new CrewChoice(), 0, constant(300_000), crew));
    }

    @Test
    void theChoiceIsMadeAgainEveryPeriod() {
        CrewChoice choice = new CrewChoice();
        assertFalse(afterTrial(choice, 0, constant(100_000), constant(130_000)));
        assertTrue(afterTrial(choice, 1, constant(300_000), constant(180_000)));
    }
}
