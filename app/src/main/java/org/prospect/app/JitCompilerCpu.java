package org.prospect.app;

import java.io.IOException;
import java.nio.file.Files;

/**
 * CPU time of the JVM's JIT compiler threads, read from Linux's /proc (they are hidden from ThreadMXBean).
 *
 * <p>Why the bench needs it: the window's code is large and its profile keeps shifting, so C2 was still taking
 * 28 % of a core 40 s after the window opened (2.5 % after 90 s), and a measurement that starts before the compiler
 * has settled charges its work to the window. The bench warms up until the compiler is quiet and prints its share.
 */
final class JitCompilerCpu {
    /** Linux's USER_HZ: the unit of utime and stime in /proc/…/stat (100 on every Linux the JDK supports). */
    private static final long NANOS_PER_TICK = 10_000_000L;
    /** Thread names as /proc shows them (truncated to 15 characters): "C2 CompilerThread0" is "C2 CompilerThre". */
    private static final String C1 = "C1 CompilerThre";
    private static final String C2 = "C2 CompilerThre";
    /**
     * The compiler counts as quiet when it takes less than this share of one core. At 5 % the window was measured
     * while C2 still took 4–8 % and the simulation thread's code was not in its final form (183 k steps per CPU
     * second after 55 s, 202–209 k after 125 s on the same host).
     */
    static final double QUIET_SHARE = 0.02;

    private JitCompilerCpu() {}

    /** CPU nanoseconds the compiler threads have used so far, or -1 where /proc cannot tell (not Linux). */
    static long nanos() {
        if (!Files.isDirectory(ProcTasks.SELF)) return -1;
        long ticks = 0;
        try {
            for (ProcTasks.Task task : ProcTasks.list(ProcTasks.SELF)) {
                if (!task.comm().equals(C1) && !task.comm().equals(C2)) continue;
                try {
                    ticks += cpuTicks(task.stat());
                } catch (IOException | IllegalArgumentException e) {
                    // A compiler thread that ended between listing and reading used no more time: skip it.
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * NANOS_PER_TICK;
    }

    /** User plus system time (clock ticks) from one line of /proc/…/stat: utime and stime are fields 14 and 15. */
    static long cpuTicks(String stat) {
        String[] fields = ProcTasks.statFields(stat);
        if (fields.length < 13) throw new IllegalArgumentException("too few fields in /proc stat line: " + stat);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The compiler's share of one core between two readings {@code seconds} apart; NaN when unknown. */
    static double share(long before, long after, double seconds) {
        if (before < 0 || after < 0 || !(seconds > 0)) return Double.NaN;
        return (after - before) / (seconds * 1e9);
    }

    /** Whether a compiler share still counts as warming up (unknown: no, so the bench goes on). */
    static boolean busy(double share) {
        return share >= QUIET_SHARE;
    }
}
