package org.prospect.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MNIST-1D through a small GLE network: epochs, evaluation, the rate schedule, and learning above chance. */
class SequenceClassificationTest {
    static final Path DATA = Path.of("..", "samples", "data", "mnist1d").toAbsolutePath().normalize();
    static List<SequenceClassification.Epoch> history;

    static String tinyExperiment(String directory) {
        return """
            {"name": "tiny MNIST-1D", "description": "test", "model": "gle", "seed": 1, "batch": 50, "dt": 0.2,
             "network": {"inputs": 1, "layers": [
               {"size": 32, "activation": "tanh", "tauM": {"uniform": [0.6, 1.2]}, "tauR": 0.2, "bias": true},
               {"size": 10, "activation": "linear", "tauM": 1.2, "tauR": 1.2, "bias": true}]},
             "dynamics": {"gamma": 0, "beta": 1, "loss": "cross_entropy"},
             "learning": {"optimizer": "adam", "rate": 0.003},
             "target": {"dataset": {"directory": "%s", "limit": 1000, "epochs": 10}}}
            """.formatted(directory.replace("\\", "\\\\"));
    }

    @BeforeAll
    static void trainTenEpochs(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("tiny.json");
        Files.writeString(f, tinyExperiment(DATA.toString()));
        GleExperiment e = ExperimentFile.load(f);
        GleSimulation sim = new GleSimulation(e);
        for (long i = 0; i < e.steps(); i++) sim.step();
        history = sim.classification().history();
    }

    @Test
    void everyEpochIsEvaluatedOnTheWholeTestSet() {
        assertEquals(10, history.size());
        for (SequenceClassification.Epoch e : history) {
            int total = 0;
            for (int[] row : e.confusion()) for (int c : row) total += c;
            assertEquals(250, total, "test sequences scored in epoch " + e.epoch());
        }
    }

    @Test
    void aSmallNetworkLearnsAboveChance() {
        double best = history.stream().mapToDouble(SequenceClassification.Epoch::testAccuracy).max().orElse(0);
        assertTrue(best > 0.2, "best test accuracy " + best + " (chance 0.1)");
    }

    @Test
    void theRateHalvesAfterThreeEpochsWithoutABetterTestLoss() {
        double best = Double.POSITIVE_INFINITY;
        int bad = 0;
        double rate = 0.003;
        for (SequenceClassification.Epoch e : history) {
            assertEquals(rate, e.rate(), 1e-15, "rate during epoch " + e.epoch());
            if (e.testLoss() < best) {
                best = e.testLoss();
                bad = 0;
            } else if (++bad > 2) {
                rate *= 0.5;
                bad = 0;
            }
        }
    }

    @Test
    void aMissingDataSetIsReportedWithTheField(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("nodata.json");
        Files.writeString(f, tinyExperiment(dir.resolve("nowhere").toString()));
        ExperimentFileException e = assertThrows(ExperimentFileException.class, () -> ExperimentFile.load(f));
        assertTrue(e.getMessage().contains("target.dataset.directory"), e.getMessage());
    }

    @Test
    void theShippedSampleMatchesThePaperSetup() throws Exception {
        GleExperiment e = ExperimentFile.load(Path.of("..", "samples", "mnist1d-gle.json"));
        assertEquals(7, e.network().layerCount());
        assertEquals(53, e.network().layer(3).size());
        assertEquals(100, e.batch());
        assertEquals(0.2, e.dynamics().dt());
        assertEquals(0.0, e.dynamics().gamma());
        assertEquals(5e-3 * 72 / 360, e.learning().rate(), 1e-15);
        var d = (org.prospect.engine.task.TargetSpec.Dataset) e.target();
        assertEquals(360, d.train().length());
        assertEquals(4000, d.train().size());
        assertEquals(150, d.epochs());
        long leaky = java.util.Arrays.stream(e.network().layer(2).tauR()).filter(t -> t == 0.2).count();
        assertEquals(36, leaky);
    }

    @Test
    void the360SampleVariantDiffersOnlyInItsData() throws Exception {
        GleExperiment standard = ExperimentFile.load(Path.of("..", "samples", "mnist1d-gle.json"));
        GleExperiment paperData = ExperimentFile.load(Path.of("..", "samples", "mnist1d-gle-360.json"));
        assertEquals(standard.network(), paperData.network());
        assertEquals(standard.dynamics(), paperData.dynamics());
        assertEquals(standard.learning(), paperData.learning());
        assertEquals(standard.batch(), paperData.batch());
        var d = (org.prospect.engine.task.TargetSpec.Dataset) paperData.target();
        assertEquals(360, d.train().length());
        assertEquals(360, d.test().length());
        assertEquals(4000, d.train().size());
        assertEquals(1000, d.test().size());
    }

    @Test
    void aFactorAndALengthCannotBothBeGiven(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("both.json");
        Files.writeString(f, tinyExperiment(Path.of("..", "samples", "data", "mnist1d").toAbsolutePath().toString())
                .replace("\"epochs\"", "\"resample\": 2, \"resampleTo\": 80, \"epochs\""));
        ExperimentFileException e = assertThrows(ExperimentFileException.class, () -> ExperimentFile.load(f));
        assertTrue(e.getMessage().contains("target.dataset.resampleTo"), e.getMessage());
        assertTrue(e.getMessage().contains("not both"), e.getMessage());
    }
}
