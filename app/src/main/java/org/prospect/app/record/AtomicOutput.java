package org.prospect.app.record;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A temporary file or directory beside the target ({@code .NAME.<random>.part}), renamed onto the target
 * when complete. Until {@link #commit()} nothing exists under the target name; {@link #discard()} deletes
 * the temporary output, so a cancelled or failed recording leaves nothing behind.
 */
public final class AtomicOutput {
    private final Path target;
    private final Path temporary;
    private final boolean directory;
    private boolean committed;

    private AtomicOutput(Path target, boolean directory) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        this.directory = directory;
        Path dir = this.target.getParent();
        Files.createDirectories(dir);
        if (directory && Files.isDirectory(this.target) && !isEmpty(this.target)) {
            throw new IOException(target + " is a directory that is not empty; choose a new name for the frames");
        }
        if (!directory && Files.isDirectory(this.target)) {
            throw new IOException(target + " is a directory");
        }
        String prefix = "." + this.target.getFileName() + ".";
        temporary = directory ? Files.createTempDirectory(dir, prefix) : Files.createTempFile(dir, prefix, ".part");
    }

    public static AtomicOutput file(Path target) throws IOException {
        return new AtomicOutput(target, false);
    }

    public static AtomicOutput directory(Path target) throws IOException {
        return new AtomicOutput(target, true);
    }

    public Path target() { return target; }

    /** Where to write until {@link #commit()}. */
    public Path temporary() { return temporary; }

    /** Renames the temporary output onto the target (replacing a file, or an empty directory). */
    public void commit() throws IOException {
        readable(temporary);
        if (directory && Files.isDirectory(target)) Files.delete(target); // empty: checked when opened
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Deletes the temporary output unless it was committed; never throws. */
    public void discard() {
        if (committed) return;
        try {
            if (Files.isDirectory(temporary)) {
                try (Stream<Path> all = Files.walk(temporary)) {
                    for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
                }
            } else {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            System.err.println("could not delete the temporary output " + temporary + ": " + e);
        }
    }

    /** Temporary files are created owner-only; the finished output gets the usual rw-r--r-- (rwxr-xr-x). */
    private static void readable(Path path) throws IOException {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        Set<PosixFilePermission> file = PosixFilePermissions.fromString("rw-r--r--");
        if (Files.isDirectory(path)) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (Stream<Path> all = Files.list(path)) {
                for (Path p : (Iterable<Path>) all::iterator) Files.setPosixFilePermissions(p, file);
            }
        } else {
            Files.setPosixFilePermissions(path, file);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }
}
