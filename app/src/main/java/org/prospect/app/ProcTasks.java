package org.prospect.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * This JVM's threads as Linux's /proc shows them: what the bench needs to see the JIT compiler (hidden from
 * ThreadMXBean) and what {@link DrawingPriority} needs to renice one thread (Java knows no native thread ids).
 */
final class ProcTasks {
    static final Path SELF = Path.of("/proc/self/task");
    /** Linux keeps the first 15 bytes of a thread's name in /proc/…/comm. */
    private static final int COMM_LENGTH = 15;

    private ProcTasks() {}

    /** One thread: its kernel id, its name as /proc shows it, and its folder under /proc/…/task. */
    record Task(int id, String comm, Path folder) {
        String stat() throws IOException {
            return Files.readString(folder.resolve("stat"));
        }
    }

    /** The threads listed under {@code tasks}; one that ends while listed is left out. */
    static List<Task> list(Path tasks) throws IOException {
        List<Task> found = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(tasks)) {
            for (Path folder : all) {
                try {
                    int id = Integer.parseInt(folder.getFileName().toString());
                    found.add(new Task(id, Files.readString(folder.resolve("comm")).strip(), folder));
                } catch (NumberFormatException | IOException e) {
                    // a thread that ended between listing and reading
                }
            }
        }
        return found;
    }

    /** A Java thread's name as /proc shows it. */
    static String comm(String threadName) {
        return threadName.substring(0, Math.min(COMM_LENGTH, threadName.length()));
    }

    /**
     * The fields of one /proc/…/stat line from field 3 (the state) on, so field k is at k − 3. The thread's name,
     * in parentheses as field 2, may itself hold spaces and parentheses, so fields are counted from the last ')'.
     */
    static String[] statFields(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) throw new IllegalArgumentException("no thread name in /proc stat line: " + stat);
        return stat.substring(close + 1).trim().split("\\s+");
    }
}
