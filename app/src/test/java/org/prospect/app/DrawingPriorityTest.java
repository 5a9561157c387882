package org.prospect.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class DrawingPriorityTest {
    private static final Path TASKS = ProcTasks.SELF;

    @Test
    void noPropertyLeavesEveryThreadAtTheEnginesPriority() {
        assertEquals(0, DrawingPriority.DEFAULT_NICE);
        assertEquals(DrawingPriority.DEFAULT_NICE, DrawingPriority.niceLevel(null));
        assertEquals(DrawingPriority.DEFAULT_NICE, DrawingPriority.niceLevel(" "));
    }

    @Test
    void levelsFromZeroToNineteenAreAccepted() {
        assertEquals(0, DrawingPriority.niceLevel("0"));
        assertEquals(19, DrawingPriority.niceLevel(" 19 "));
    }

    @Test
    void aBadLevelNamesThePropertyAndTheExpectedRange() {
        for (String bad : List.of("20", "-1", "high", "8.5")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DrawingPriority.niceLevel(bad));
            assertTrue(e.getMessage().contains("-Dprospect.drawingNice=" + bad), e.getMessage());
            assertTrue(e.getMessage().contains("from 0") && e.getMessage().contains("to 19"), e.getMessage());
        }
    }

    @Test
    void drawingThreadsAreKnownByTheFifteenCharactersLinuxKeepsOfTheirNames() {
        DrawingPriority priority = new DrawingPriority(8, TASKS, DrawingPriority.DRAWING_THREADS);
        assertTrue(priority.draws("QuantumRenderer"));
        assertTrue(priority.draws("prospect-dashbo"));
        assertTrue(priority.draws("prospect-rnn-fe"));
    }

    @Test
    void theEngineTheFxThreadAndTheAdjointWorkerAreNotDrawingThreads() {
        DrawingPriority priority = new DrawingPriority(8, TASKS, DrawingPriority.DRAWING_THREADS);
        assertFalse(priority.draws("prospect-slidin"));
        assertFalse(priority.draws("prospect-simula"));
        assertFalse(priority.draws("JavaFX Applicat"));
        assertFalse(priority.draws("prospect-step-c"));
        assertFalse(priority.draws("main"));
    }

    @Test
    void aLevelOutsideZeroToNineteenIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DrawingPriority(20, TASKS, List.of()));
    }

    @Test
    void aDrawingThreadIsLoweredAndAnotherThreadIsNot() throws Exception {
        assumeTrue(Files.isDirectory(TASKS) && onPath("renice"), "needs Linux's /proc and renice");
        CountDownLatch end = new CountDownLatch(1);
        Thread drawing = parked("prospect-test-drawing", end);
        Thread other = parked("prospect-test-engine", end);
        try {
            DrawingPriority priority = new DrawingPriority(5, TASKS, List.of("prospect-test-drawing"));
            assertTrue(priority.lowerNewDrawingThreads());
            assertEquals(5, niceOf("prospect-test-d"));
            assertEquals(nice(Files.readString(Path.of("/proc/thread-self/stat"))), niceOf("prospect-test-e"));
            assertEquals(1, priority.lowered());
        } finally {
            end.countDown();
            drawing.join();
            other.join();
        }
    }

    @Test
    void aThreadThatEndedIsForgotten() throws Exception {
        assumeTrue(Files.isDirectory(TASKS) && onPath("renice"), "needs Linux's /proc and renice");
        CountDownLatch end = new CountDownLatch(1);
        Thread drawing = parked("prospect-ends-soon", end);
        DrawingPriority priority = new DrawingPriority(3, TASKS, List.of("prospect-ends-soon"));
        priority.lowerNewDrawingThreads();
        assertEquals(1, priority.lowered());
        end.countDown();
        drawing.join();
        // The kernel lets the thread go a moment after Java's join returns.
        for (int i = 0; i < 500 && hasThread("prospect-ends-s"); i++) Thread.sleep(10);
        assertTrue(priority.lowerNewDrawingThreads());
        assertEquals(0, priority.lowered());
    }

    private static Thread parked(String name, CountDownLatch end) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            started.countDown();
            try {
                end.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        t.start();
        started.await();
        return t;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) return true;
        }
        return false;
    }

    private static boolean hasThread(String comm) throws IOException {
        return ProcTasks.list(TASKS).stream().anyMatch(t -> t.comm().equals(comm));
    }

    /** Field 19 of the thread's /proc stat line. */
    private static int niceOf(String comm) throws IOException {
        for (ProcTasks.Task task : ProcTasks.list(TASKS)) {
            if (task.comm().equals(comm)) return nice(task.stat());
        }
        throw new AssertionError("no thread named " + comm);
    }

    private static int nice(String stat) {
        return Integer.parseInt(ProcTasks.statFields(stat)[19 - 3]);
    }
}
