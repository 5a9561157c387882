package org.prospect.app.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is rejected with exit code 2 and one line, before the toolkit starts or a file is made. */
class RecordCliTest {
    @TempDir
    Path dir;

    private String run(int expectedExit, String... args) {
        PrintStream was = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expectedExit, RecordCli.execute(args));
        } finally {
            System.setErr(was);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBadSizeExitsWithTwo() {
        Path out = dir.resolve("a.mp4");
        String err = run(2, "record", Samples.lagline().toString(), "--duration", "1", "--out", out.toString(), "--size", "1920by1080");
        assertTrue(err.contains("size"), err);
        assertEquals(1, err.strip().lines().count(), err);
        assertFalse(Files.exists(out));
        run(2, "record", Samples.lagline().toString(), "--duration", "1", "--out", out.toString(), "--size", "7680x4320");
        run(2, "record", Samples.lagline().toString(), "--duration", "1", "--out", out.toString(), "--size", "321x240");
    }

    @Test
    void anUnknownViewOrFileExitsWithTwo() {
        Path out = dir.resolve("a.mp4");
        String err = run(2, "record", Samples.lagline().toString(), "--duration", "1", "--out", out.toString(), "--view", "heatmap");
        assertTrue(err.contains("unknown view 'heatmap'") && err.contains("dashboard"), err);
        err = run(2, "record", dir.resolve("missing.json").toString(), "--duration", "1", "--out", out.toString());
        assertTrue(err.contains("missing.json"), err);
        err = run(2, "figure", Samples.lagline().toString(), "--duration", "1", "--out", dir.resolve("f.svg").toString(), "--scale", "9");
        assertTrue(err.contains("--scale"), err);
        assertEquals(0, dir.toFile().list().length);
    }
}
