package org.prospect.engine.experiment;

import java.nio.file.Path;

/**
 * A bad experiment file: names the file, the field path (e.g. {@code network.layers[1].tauM[0]}) and
 * what was expected. Its message is the one line the CLI prints before exiting with code 2.
 */
public final class ExperimentFileException extends Exception {
    private final Path file;
    private final String field;
    private final String problem;

    public ExperimentFileException(Path file, String field, String problem) {
        super(file + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + problem);
        this.file = file;
        this.field = field;
        this.problem = problem;
    }

    /** What is wrong, without the file and field. */
    public String problem() { return problem; }

    public Path file() { return file; }

    /** The field path, or empty for a problem with the whole file (unreadable, malformed JSON). */
    public String field() { return field == null ? "" : field; }
}
