package org.prospect.engine.adjoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Lowers the scheduling priority of the calling thread, for work that should take only the CPU the simulation
 * and the drawing leave: the exact adjoint beside a run at speed max. On two cores the worker otherwise took a
 * quarter of a core from the simulation thread, which got 70 % of one; niced, the simulation gets 83 % and the
 * worker what is left (it then skips windows, as it does whenever it falls behind).
 *
 * <p>Java has no call for this; on Linux a thread is a task with its own nice value, which {@code renice} sets.
 * Elsewhere, or without {@code renice}, the thread keeps its priority.
 */
final class BackgroundPriority {
    static final int NICENESS = 10;

    private BackgroundPriority() {}

    /** Best effort: true if the calling thread's nice value was raised to {@link #NICENESS}. */
    static boolean lowerCurrentThread() {
        Path self = Path.of("/proc/thread-self");
        if (!Files.exists(self)) return false;
        try {
            String tid = Files.readSymbolicLink(self).getFileName().toString(); // "<pid>/task/<tid>"
            Process renice = new ProcessBuilder("renice", "-n", String.valueOf(NICENESS), "-p", tid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return renice.waitFor(5, TimeUnit.SECONDS) && renice.exitValue() == 0;
        } catch (IOException | SecurityException e) { // /proc/thread-self exists only on Linux, a symbolic link there
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
