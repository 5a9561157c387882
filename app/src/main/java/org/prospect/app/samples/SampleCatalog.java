package org.prospect.app.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.prospect.engine.experiment.ExperimentFile;
import org.prospect.engine.experiment.ExperimentFileException;
import org.prospect.engine.experiment.Experiment;

/** The experiment files under a folder (recursively), each loaded once to read its name and description. */
public final class SampleCatalog {
    private SampleCatalog() {}

    /**
     * One experiment file.
     *
     * @param relative    the path below the samples folder, with forward slashes
     * @param name        the file's {@code name}, or its file name when it does not load
     * @param description the file's one-line {@code description}, or empty
     * @param error       why the file does not load (without the file prefix), or null
     */
    public record Entry(Path file, String relative, String name, String description, String error) {
        public boolean loads() { return error == null; }
    }

    /** Every {@code *.json} under {@code folder}, sorted by path; empty when the folder does not exist. */
    public static List<Entry> scan(Path folder) {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) return out;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))
                    .sorted().toList();
        } catch (IOException e) {
            return out;
        }
        for (Path f : files) out.add(read(folder, f));
        return out;
    }

    static Entry read(Path folder, Path f) {
        String relative = folder.relativize(f).toString().replace('\\', '/');
        try {
            Experiment e = ExperimentFile.loadAny(f);
            return new Entry(f, relative, e.name(), oneLine(e.description()), null);
        } catch (ExperimentFileException e) {
            return new Entry(f, relative, f.getFileName().toString(), "", withoutFile(e));
        } catch (RuntimeException e) {
            return new Entry(f, relative, f.getFileName().toString(), "", "cannot load: " + e);
        }
    }

    /** The exception's message without the leading "file: " (the list already shows the file). */
    public static String withoutFile(ExperimentFileException e) {
        String m = e.getMessage();
        String prefix = e.file() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
