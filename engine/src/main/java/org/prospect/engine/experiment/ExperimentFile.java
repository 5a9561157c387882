package org.prospect.engine.experiment;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads experiment files (JSON, format in the README) into fully resolved experiments.
 */
public final class ExperimentFile {
    private ExperimentFile() {}

    /**
     * Reads, validates and resolves {@code file}: every random draw is made with the file's seed, so the same
     * file always gives the same experiment. Either the whole experiment or an exception naming the file,
     * the field path and what was expected.
     */
    public static GleExperiment load(Path file) throws ExperimentFileException {
        return load(file, Settings.none());
    }

    /** Like {@link #load(Path)}, with {@code settings} applied to the file's fields before validation. */
    public static GleExperiment load(Path file, Settings settings) throws ExperimentFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ExperimentFileException(file, "", "not a UTF-8 text file");
        } catch (IOException e) {
            throw new ExperimentFileException(file, "", "cannot read the file: " + e);
        }
        FieldReader root = FieldReader.parse(file, text);
        if (!settings.values().isEmpty()) root = FieldReader.of(file, settings.applyTo(file, root.node()));
        try {
            return ExperimentReader.read(root);
        } catch (IllegalArgumentException e) {
            // The readers validate before constructing; this is a safety net so nothing escapes unnamed.
            throw new ExperimentFileException(file, "", "invalid experiment: " + e.getMessage());
        }
    }
}
