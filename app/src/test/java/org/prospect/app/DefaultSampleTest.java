package org.prospect.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prospect.engine.experiment.ExperimentFileException;

class DefaultSampleTest {
    @Test
    void aMissingSampleIsABadFileNotACrash(@TempDir Path empty) {
        ExperimentFileException e = assertThrows(ExperimentFileException.class,
                () -> DefaultSample.load(empty.resolve(DefaultSample.FILE)));
        assertTrue(e.getMessage().contains("lagline.json"), e.getMessage());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void theSamplesFolderComesFromTheSystemProperty() {
        String was = System.getProperty(DefaultSample.SAMPLES_PROPERTY);
        try {
            System.setProperty(DefaultSample.SAMPLES_PROPERTY, "/somewhere/samples");
            assertEquals(Path.of("/somewhere/samples/lagline.json"), DefaultSample.path());
        } finally {
            if (was == null) System.clearProperty(DefaultSample.SAMPLES_PROPERTY);
            else System.setProperty(DefaultSample.SAMPLES_PROPERTY, was);
        }
    }
}
