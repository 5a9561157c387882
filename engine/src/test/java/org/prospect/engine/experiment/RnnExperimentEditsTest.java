package org.prospect.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learning rate and μ an RNN run was given in the app, as field settings of the file it was opened from. */
class RnnExperimentEditsTest {
    private static final String FILE = """
            {
              "name": "xor", "description": "a small delayed XOR", "model": "rnn",
              "network": {"units": 20, "inputs": 2, "outputs": 2, "tau": 100, "dt": 1, "excitatoryFraction": 0.8, "cellTypes": 2, "seed": 1},
              "task": {"cue": 10, "delay": 20, "baseline": 0.02, "bumpHeight": 2.0, "bumpStd": 5, "noiseStd": 0.01},
              "training": {"batch": 4, "optimizer": "adam", "learningRate": 5e-3, "decayEvery": 300, "decayFactor": 0.8,
                           "l2": 5e-4, "validationBatch": 8, "validateEvery": 1, "iterations": 10},
              "rules": ["BPTT", {"rule": "ModProp", "mu": 0.25}, {"rule": "ModProp", "mu": 0.25, "label": "ModProp 2"}]
            }
            """;

    private static RnnExperiment load(Path file, Settings settings) throws Exception {
        return (RnnExperiment) ExperimentFile.loadAny(file, settings);
    }

    @Test
    void anUneditedRunHasNoEdits(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("xor.json"), FILE);
        RnnExperiment opened = load(file, Settings.none());
        assertEquals(Map.of(), opened.editsAgainst(opened).values());
    }

    @Test
    void theEditsTurnTheFileIntoTheRunsLearningRateAndMu(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("xor.json"), FILE);
        RnnExperiment opened = load(file, Settings.none());
        RnnExperiment run = opened.withLearningRate(1e-3).withMu(0.5);
        Settings edits = run.editsAgainst(opened);
        assertEquals(Map.of("training.learningRate", "0.001", "rules[1].mu", "0.5", "rules[2].mu", "0.5"), edits.values());
        RnnExperiment reloaded = load(file, edits);
        assertEquals(run.training().learningRate(), reloaded.training().learningRate(), 0.0);
        assertEquals(run.rules(), reloaded.rules());
    }

    @Test
    void anRnnFileWrittenWithEditsOpensAsTheRun(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("xor.json"), FILE);
        RnnExperiment opened = load(file, Settings.none());
        RnnExperiment run = opened.withMu(0.1);
        Path out = dir.resolve("beside.json");
        ExperimentFile.write(file, run.editsAgainst(opened), out);
        assertTrue(Files.exists(out));
        RnnExperiment written = (RnnExperiment) ExperimentFile.loadAny(out);
        assertEquals(run.rules(), written.rules());
        assertEquals(run.training(), written.training());
    }
}
