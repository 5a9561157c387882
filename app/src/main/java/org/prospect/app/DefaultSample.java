package org.prospect.app;

import java.nio.file.Files;
import java.nio.file.Path;
import org.prospect.engine.experiment.Experiment;
import org.prospect.engine.experiment.ExperimentFile;
import org.prospect.engine.experiment.ExperimentFileException;
import org.prospect.engine.experiment.GleExperiment;

/** The experiment the window opens with: samples/lagline.json, or under {@code -Dprospect.samples}. */
final class DefaultSample {
    static final String SAMPLES_PROPERTY = "prospect.samples";
    static final String FILE = "lagline.json";

    private DefaultSample() {}

    static Path path() {
        return folder().resolve(FILE);
    }

    /** The samples folder the sample browser lists. */
    static Path folder() {
        return Path.of(System.getProperty(SAMPLES_PROPERTY, "samples"));
    }

    /** Either kind of experiment (GLE or RNN), with the same missing-file message as {@link #load}. */
    static Experiment loadAny(Path file) throws ExperimentFileException {
        if (!Files.isRegularFile(file)) load(file);
        return ExperimentFile.loadAny(file);
    }

    static GleExperiment load(Path file) throws ExperimentFileException {
        checkExists(file);
        return ExperimentFile.load(file);
    }

    /** Every learner of the file (one for a file without {@code learners}). */
    static java.util.List<ExperimentFile.Learner> loadLearners(Path file) throws ExperimentFileException {
        checkExists(file);
        return ExperimentFile.loadLearners(file);
    }

    /** The file's text, to run and keep (see {@link ExperimentText}); a missing file is reported as by {@link #load}. */
    static org.prospect.engine.experiment.ExperimentText read(Path file) throws ExperimentFileException {
        checkExists(file);
        return org.prospect.engine.experiment.ExperimentText.read(file);
    }

    private static void checkExists(Path file) throws ExperimentFileException {
        // Checked here too, so a missing file is reported the same way whatever the parser does.
        if (!Files.isRegularFile(file)) {
            throw new ExperimentFileException(file.toAbsolutePath(), "",
                    "no such file (run from the project folder, or set -D" + SAMPLES_PROPERTY + "=<samples folder>)");
        }
    }
}
