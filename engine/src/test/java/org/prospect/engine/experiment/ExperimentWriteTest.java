package org.prospect.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentWriteTest {
    static final Path SAMPLES = Path.of("..", "samples");

    @Test
    void theWrittenFileHasTheEditsAndLoadsWithThem(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("edited.json");
        ExperimentFile.write(SAMPLES.resolve("lagline.json"), new Settings(Map.of("dynamics.gamma", "0.25",
                "network.layers[1].tauM", "[1.5]")), out);
        GleExperiment e = ExperimentFile.load(out);
        assertEquals(0.25, e.dynamics().gamma());
        assertEquals(1.5, e.network().layer(1).tauM()[0]);
        GleExperiment original = ExperimentFile.load(SAMPLES.resolve("lagline.json"));
        assertEquals(original.seed(), e.seed());
    }

    @Test
    void aRelativeDataFolderStillPointsAtTheData(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("mnist.json");
        ExperimentFile.write(SAMPLES.resolve("mnist1d-gle.json"), new Settings(Map.of("learning.rate", "0.002")), out);
        GleExperiment e = ExperimentFile.load(out); // loads the data set from the rewritten folder
        assertEquals(0.002, e.learning().rate());
    }

    @Test
    void anInvalidEditWritesNothing(@TempDir Path dir) {
        Path out = dir.resolve("bad.json");
        ExperimentFileException e = assertThrows(ExperimentFileException.class, () ->
                ExperimentFile.write(SAMPLES.resolve("lagline.json"), new Settings(Map.of("dynamics.gamma", "\"x\"")), out));
        assertTrue(e.getMessage().contains("dynamics.gamma"), e.getMessage());
        assertFalse(Files.exists(out));
    }
}
