package org.prospect.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {
    static final Path LAGLINE = Path.of("..", "samples", "lagline.json");

    static Path withLearners(Path dir, String learners) throws IOException {
        String text = Files.readString(LAGLINE);
        int end = text.lastIndexOf('}');
        Path f = dir.resolve("cmp.json");
        Files.writeString(f, text.substring(0, end).stripTrailing() + ",\n  \"learners\": " + learners + "\n}\n");
        return f;
    }

    @Test
    void eachLearnerIsTheFileWithItsSettingsApplied(@TempDir Path dir) throws Exception {
        Path f = withLearners(dir, "[{\"label\": \"GLE\"}, {\"label\": \"LE\", \"set\": {\"dynamics.prospectiveErrors\": false}},"
                + " {\"label\": \"BPTT\", \"set\": {\"learning.rule\": \"truncated_bptt\", \"learning.bpttWindow\": 1}}]");
        List<ExperimentFile.Learner> learners = ExperimentFile.loadLearners(f);
        assertEquals(List.of("GLE", "LE", "BPTT"), learners.stream().map(ExperimentFile.Learner::label).toList());
        assertTrue(learners.get(0).experiment().dynamics().prospectiveErrors());
        assertFalse(learners.get(1).experiment().dynamics().prospectiveErrors());
        assertEquals(1.0, learners.get(2).experiment().learning().bpttWindow());
    }

    @Test
    void learnersStartFromTheSameStateOnTheSameInput(@TempDir Path dir) throws Exception {
        Path f = withLearners(dir, "[{\"label\": \"GLE\"}, {\"label\": \"LE\", \"set\": {\"dynamics.prospectiveErrors\": false}}]");
        Comparison c = new Comparison(ExperimentFile.loadLearners(f));
        assertArrayEquals(c.simulation(0).student().weights(0), c.simulation(1).student().weights(0), 0.0);
        assertArrayEquals(c.simulation(0).student().tauM(1), c.simulation(1).student().tauM(1), 0.0);
        for (int i = 0; i < 500; i++) {
            c.step();
            assertArrayEquals(c.simulation(0).input(), c.simulation(1).input(), 0.0);
            assertArrayEquals(c.simulation(0).target(), c.simulation(1).target(), 0.0);
        }
    }

    @Test
    void aBadLearnerSettingNamesTheLearnerAndTheField(@TempDir Path dir) throws Exception {
        Path f = withLearners(dir, "[{\"label\": \"GLE\"}, {\"label\": \"fast\", \"set\": {\"network.layers[0].tauR\": 0.001}}]");
        ExperimentFileException e = assertThrows(ExperimentFileException.class, () -> ExperimentFile.loadLearners(f));
        assertTrue(e.getMessage().contains("learners[1] (\"fast\")"), e.getMessage());
        assertTrue(e.getMessage().contains("network.layers[0].tauR"), e.getMessage());
    }

    @Test
    void aDuplicateLabelIsRefused(@TempDir Path dir) throws Exception {
        Path f = withLearners(dir, "[{\"label\": \"A\"}, {\"label\": \"A\"}]");
        ExperimentFileException e = assertThrows(ExperimentFileException.class, () -> ExperimentFile.loadLearners(f));
        assertTrue(e.getMessage().contains("learners[1].label"), e.getMessage());
    }

    @Test
    void loadingAComparisonAsOneExperimentGivesTheFirstLearner(@TempDir Path dir) throws Exception {
        Path f = withLearners(dir, "[{\"label\": \"LE\", \"set\": {\"dynamics.prospectiveErrors\": false}}, {\"label\": \"GLE\"}]");
        assertFalse(ExperimentFile.load(f).dynamics().prospectiveErrors());
    }
}
