package org.prospect.engine.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NPZ is a zip of NPY 1.0 arrays with the headers numpy expects, read back here byte by byte. */
class NpzWriterTest {
    record Npy(String header, double[] values) {}

    static Map<String, Npy> read(Path file) throws IOException {
        Map<String, Npy> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                out.put(e.getName(), parse(zip.readAllBytes()));
            }
        }
        return out;
    }

    static Npy parse(byte[] b) {
        assertEquals((byte) 0x93, b[0]);
        assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, b[6]);
        assertEquals(0, b[7]);
        int len = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        assertEquals(0, (10 + len) % 64, "data starts 64-byte aligned");
        String header = new String(b, 10, len, StandardCharsets.US_ASCII);
        assertTrue(header.endsWith("\n"));
        ByteBuffer data = ByteBuffer.wrap(b, 10 + len, b.length - 10 - len).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[data.remaining() / 8];
        for (int i = 0; i < v.length; i++) v[i] = data.getDouble();
        return new Npy(header, v);
    }

    @Test
    void arraysRoundTripWithDtypeShapeAndOrderInTheirHeaders(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("trace.npz");
        double[] matrix = {1, 2, 3, 4, 5, 6.5};
        new NpzWriter().add("t", new double[] {0, 0.01, 0.02}).add("u", new int[] {2, 3}, matrix).write(f);
        Map<String, Npy> arrays = read(f);
        assertEquals(java.util.List.of("t.npy", "u.npy"), java.util.List.copyOf(arrays.keySet()));
        assertTrue(arrays.get("t.npy").header().startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }"));
        assertTrue(arrays.get("u.npy").header().startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"));
        assertArrayEquals(matrix, arrays.get("u.npy").values(), 0.0);
        assertArrayEquals(new double[] {0, 0.01, 0.02}, arrays.get("t.npy").values(), 0.0);
    }

    @Test
    void aLargeArrayIsWrittenCompletely(@TempDir Path dir) throws IOException {
        double[] big = new double[100_003];
        for (int i = 0; i < big.length; i++) big[i] = Math.sin(i);
        Path f = dir.resolve("big.npz");
        new NpzWriter().add("x", big).write(f);
        assertArrayEquals(big, read(f).get("x.npy").values(), 0.0);
    }

    @Test
    void nothingIsLeftBehindButTheFinishedFile(@TempDir Path dir) throws IOException {
        new NpzWriter().add("x", new double[] {1}).write(dir.resolve("a.npz"));
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of(dir.resolve("a.npz")), files.toList());
        }
    }

    @Test
    void theFinishedFileIsReadableByOthersLikeAnyNewFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("p.npz");
        new NpzWriter().add("x", new double[] {1}).write(f);
        if (f.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        }
    }
}
