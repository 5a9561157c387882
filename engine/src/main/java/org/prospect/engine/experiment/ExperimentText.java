package org.prospect.engine.experiment;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An experiment file's text as it was read when a run was opened, with the path it came from (which relative
 * data paths resolve against). A run carries this instead of the path alone, because the user may edit or delete
 * the file while the run goes on; a session or export must describe the run, not the file as it is now.
 */
public record ExperimentText(Path file, String text) {
    public ExperimentText {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        file = file.toAbsolutePath().normalize();
    }

    /** Reads {@code file} as UTF-8; a problem is reported like any experiment-file error. */
    public static ExperimentText read(Path file) throws ExperimentFileException {
        try {
            return new ExperimentText(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            throw new ExperimentFileException(file, "", "not a UTF-8 text file");
        } catch (IOException e) {
            throw new ExperimentFileException(file, "", "cannot read the file: " + e);
        }
    }
}
