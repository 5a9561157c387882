package org.prospect.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JitCompilerCpuTest {
    /** A real line of /proc/<pid>/task/<tid>/stat of a C2 compiler thread (utime 2046, stime 106). */
    private static final String C2_STAT = "6419 (C2 CompilerThre) S 1 6406 6406 0 -1 4194368 187301 0 0 0 2046 106 0 0"
            + " 20 0 24 0 1085 9334760000 130000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 -1 1 0 0 0 0 0";

    @Test
    void cpuTicksAreUserPlusSystemTime() {
        assertEquals(2046 + 106, JitCompilerCpu.cpuTicks(C2_STAT));
    }

    @Test
    void fieldsCountFromTheLastParenthesisSoANameWithSpacesAndParenthesesDoesNotShiftThem() {
        String odd = C2_STAT.replace("(C2 CompilerThre)", "(a) b (c d)");
        assertEquals(2046 + 106, JitCompilerCpu.cpuTicks(odd));
    }

    @Test
    void aLineWithoutAThreadNameIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> JitCompilerCpu.cpuTicks("6419 S 1 2 3"));
    }

    @Test
    void shareIsCpuTimeOverWallTime() {
        assertEquals(0.25, JitCompilerCpu.share(1_000_000_000L, 2_250_000_000L, 5), 1e-12);
    }

    @Test
    void anUnknownReadingGivesAnUnknownShareThatDoesNotHoldTheBenchBack() {
        double share = JitCompilerCpu.share(-1, 5, 5);
        assertTrue(Double.isNaN(share));
        assertFalse(JitCompilerCpu.busy(share));
    }

    @Test
    void theCompilerIsBusyFromTwoPerCentOfACore() {
        assertTrue(JitCompilerCpu.busy(0.02));
        assertFalse(JitCompilerCpu.busy(0.019));
    }

    @Test
    void thisJvmsCompilerThreadsAreFoundOnLinux() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task")));
        // The JVM has compiled something by the time a test runs: its compiler threads have used CPU time.
        assertTrue(JitCompilerCpu.nanos() > 0);
    }

    @Test
    void theLongestWarmupLeavesAtLeastAMinuteForTheCompilerToFallQuiet() {
        assertEquals(90, GuiBench.longestWarmup(30));
        assertEquals(70, GuiBench.longestWarmup(10));
    }
}
