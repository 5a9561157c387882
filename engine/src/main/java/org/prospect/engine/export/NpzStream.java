package org.prospect.engine.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.prospect.engine.trace.AtomicFiles;

/**
 * Writes the same NPZ as {@link TraceTable#toNpz()} from rows that arrive one at a time, without holding them:
 * each array's values go to its own temporary file (in a hidden folder beside the target) as the rows come, and
 * {@link #finish()} assembles the zip under a temporary name and renames it onto the target. A run of any length
 * costs the same memory. {@link #close()} without {@link #finish()} leaves nothing behind.
 */
public final class NpzStream implements AutoCloseable {
    private final Path target;
    private final Path folder;
    private final int width;
    private final List<Group> groups = new ArrayList<>();
    private long rows;
    private boolean closed;

    private static final class Group {
        final String name;
        final int[] columns;
        final boolean vector;
        final Path file;
        final OutputStream out;
        final ByteBuffer buffer = ByteBuffer.allocate(8 * 2048).order(ByteOrder.LITTLE_ENDIAN);

        Group(String name, int[] columns, boolean vector, Path file) throws IOException {
            this.name = name;
            this.columns = columns;
            this.vector = vector;
            this.file = file;
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        }

        void put(double v) throws IOException {
            buffer.putDouble(v);
            if (!buffer.hasRemaining()) flush();
        }

        void flush() throws IOException {
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }

    public NpzStream(Path target, List<String> columns) throws IOException {
        this.target = target.toAbsolutePath();
        this.width = columns.size();
        Path dir = this.target.getParent();
        Files.createDirectories(dir);
        folder = Files.createTempDirectory(dir, "." + this.target.getFileName() + ".");
        try {
            Map<String, List<Integer>> byName = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) byName.computeIfAbsent(TraceTable.group(columns.get(c)), k -> new ArrayList<>()).add(c);
            int i = 0;
            for (Map.Entry<String, List<Integer>> g : byName.entrySet()) {
                List<Integer> members = g.getValue();
                boolean vector = members.size() == 1 && g.getKey().equals(columns.get(members.get(0)));
                groups.add(new Group(g.getKey(), members.stream().mapToInt(Integer::intValue).toArray(), vector,
                        folder.resolve((i++) + ".bin")));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Appends one row (one value per column, in the columns' order). */
    public void add(double[] row) throws IOException {
        if (row.length != width) throw new IllegalArgumentException("row has " + row.length + " values, table " + width);
        for (Group g : groups) for (int c : g.columns) g.put(row[c]);
        rows++;
    }

    public long rows() { return rows; }

    /** Writes the NPZ under the target's name (atomically) and removes the temporary arrays. */
    public void finish() throws IOException {
        if (rows > Integer.MAX_VALUE) throw new IOException("too many rows for an NPY shape: " + rows);
        for (Group g : groups) {
            g.flush();
            g.out.close();
        }
        AtomicFiles.writeBinary(target, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Group g : groups) {
                zip.putNextEntry(new ZipEntry(g.name + ".npy"));
                int n = (int) rows;
                zip.write(NpzWriter.npyHeader(g.vector ? new int[] {n} : new int[] {n, g.columns.length}));
                Files.copy(g.file, zip);
                zip.closeEntry();
            }
            zip.finish();
        });
        close();
    }

    /** Removes the temporary arrays; without {@link #finish()} the target is left as it was. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        for (Group g : groups) {
            try {
                g.out.close();
            } catch (IOException ignored) {
                // Deleted below either way.
            }
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
