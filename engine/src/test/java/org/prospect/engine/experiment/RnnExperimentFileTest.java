package org.prospect.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prospect.engine.gle.Optimizer;
import org.prospect.engine.rnn.LearningRule;
import org.prospect.engine.rnn.RnnSpec;
import org.prospect.engine.rnn.TrainingSpec;
import org.prospect.engine.rnn.Wiring;
import org.prospect.engine.rnn.XorSpec;

/** {@code "model": "rnn"} files: the samples resolve to the specs they promise; bad fields are named. */
class RnnExperimentFileTest {
    private static final Path SAMPLES = Path.of("..", "samples");
    private static final String VALID = """
            {
              "name": "tiny xor",
              "description": "test",
              "model": "rnn",
              "network": {"units": 10, "tau": 100, "dt": 1, "seed": 3},
              "task": {"cue": 10, "delay": 5},
              "training": {"batch": 4, "learningRate": 0.01, "iterations": 3},
              "rules": ["BPTT", {"rule": "ModProp", "mu": 0.25}]
            }
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private String failure(String field, String from, String to) throws IOException {
        assertTrue(VALID.contains(from), from);
        Path file = write("bad.json", VALID.replace(from, to));
        ExperimentFileException e = assertThrows(ExperimentFileException.class, () -> ExperimentFile.loadAny(file));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ": " + field + ": "), e.getMessage());
        return e.getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "expected \"" + p + "\" in: " + message);
    }

    @Test void paperSampleIsThePapersSetup() throws Exception {
        RnnExperiment x = assertInstanceOf(RnnExperiment.class,
                ExperimentFile.loadAny(SAMPLES.resolve("delayed-xor-modprop.json")));
        assertEquals(RnnSpec.paper(1), x.network());
        assertEquals(XorSpec.paper(), x.task());
        assertEquals(new TrainingSpec(32, Optimizer.Kind.ADAM, 5e-4, 300, 0.8, 5e-4, 32, 5), x.training());
        assertEquals(3000, x.iterations());
        assertEquals(List.of(new RnnExperiment.RuleEntry("ModProp", LearningRule.modProp(0.25), true)), x.rules());
    }

    @Test void rulesSampleTrainsTheFourRulesAndBothModPropVariantsAndAlignsAllButBptt() throws Exception {
        RnnExperiment x = (RnnExperiment) ExperimentFile.loadAny(SAMPLES.resolve("delayed-xor-rules.json"));
        assertEquals(List.of("BPTT", "e-prop", "MDGL", "ModProp", "ModProp (cell-specific)"), x.labels());
        assertEquals(List.of(LearningRule.bptt(), LearningRule.eprop(), LearningRule.mdgl(), LearningRule.modProp(0.25),
                        LearningRule.modPropCellSpecific(0.25)),
                x.rules().stream().map(RnnExperiment.RuleEntry::rule).toList());
        assertEquals(List.of(false, true, true, true, true),
                x.rules().stream().map(RnnExperiment.RuleEntry::aligned).toList());
    }

    @Test void defaultsAreFilledIn() throws Exception {
        RnnExperiment x = (RnnExperiment) ExperimentFile.loadAny(write("ok.json", VALID));
        assertEquals(new RnnSpec(10, 2, 2, 1, 100, 0.8, 2, 3), x.network());
        assertEquals(new XorSpec(10, 5, 0.02, 2.0, 2.5, 0.01), x.task());
        assertEquals(new TrainingSpec(4, Optimizer.Kind.ADAM, 0.01, 1, 1.0, 0, 4, 1), x.training());
        assertEquals(List.of("BPTT", "ModProp"), x.labels());
        assertTrue(x.rules().get(1).aligned(), "every rule is aligned by default");
    }

    @Test void gleLoaderRefusesAnRnnFileAndSaysWhatToUse() throws Exception {
        Path f = write("x.json", VALID);
        ExperimentFileException e = assertThrows(ExperimentFileException.class, () -> ExperimentFile.load(f));
        assertEquals("model", e.field());
        assertContains(e.getMessage(), "loadAny");
        assertThrows(ExperimentFileException.class, () -> ExperimentFile.loadLearners(f));
    }

    @Test void loadAnyStillReadsGleFiles() throws Exception {
        assertInstanceOf(GleExperiment.class, ExperimentFile.loadAny(SAMPLES.resolve("lagline.json")));
    }

    @Test void unknownFieldIsNamed() throws Exception {
        assertContains(failure("task.delayy", "\"delay\": 5", "\"delay\": 5, \"delayy\": 6"),
                "unknown field \"delayy\"", "allowed fields here: cue, delay");
    }

    @Test void badRuleNameListsTheRules() throws Exception {
        assertContains(failure("rules[0]", "\"BPTT\",", "\"RTRL\","), "expected one of \"BPTT\", \"e-prop\", \"MDGL\"",
                "found the string \"RTRL\"");
    }

    @Test void modPropNeedsMu() throws Exception {
        assertContains(failure("rules[1].mu", ", \"mu\": 0.25", ""), "missing required field \"mu\"");
        assertContains(failure("rules[1]", "{\"rule\": \"ModProp\", \"mu\": 0.25}", "\"ModProp\""), "needs μ");
    }

    @Test void muOnlyForModProp() throws Exception {
        assertContains(failure("rules[0].mu", "\"BPTT\",", "{\"rule\": \"BPTT\", \"mu\": 1},"),
                "only allowed for ModProp");
    }

    @Test void negativeDelayIsRefused() throws Exception {
        assertContains(failure("task.delay", "\"delay\": 5", "\"delay\": -5"), "expected an integer ≥ 0");
    }

    @Test void twoInputsOnly() throws Exception {
        assertContains(failure("network.inputs", "\"units\": 10,", "\"units\": 10, \"inputs\": 3,"), "expected 2");
    }

    @Test void labelsMustBeUniqueAndAlignmentMustNameRules() throws Exception {
        assertContains(failure("rules[1]", "{\"rule\": \"ModProp\", \"mu\": 0.25}", "\"BPTT\""), "used twice");
        assertContains(failure("alignment[0]", "\"rules\":", "\"alignment\": [\"e-prop\"], \"rules\":"),
                "the label of one of the rules (\"BPTT\", \"ModProp\")");
    }

    @Test void wiringNamesThePublicCodeVariant() throws Exception {
        RnnExperiment x = (RnnExperiment) ExperimentFile.loadAny(
                write("w.json", VALID.replace("\"seed\": 3", "\"seed\": 3, \"wiring\": \"public-code\"")));
        assertEquals(Wiring.PUBLIC_CODE, x.network().wiring());
        assertContains(failure("network.wiring", "\"seed\": 3", "\"seed\": 3, \"wiring\": \"lsnn\""),
                "expected \"paper\" or \"public-code\"");
    }

    @Test void tooFewUnitsForTheCellTypes() throws Exception {
        assertContains(failure("network.cellTypes", "\"seed\": 3", "\"seed\": 3, \"cellTypes\": 6"),
                "cannot hold 6 cell types");
    }

    @Test void settingsEditRnnFieldsToo() throws Exception {
        RnnExperiment x = (RnnExperiment) ExperimentFile.loadAny(write("ok.json", VALID),
                new Settings(java.util.Map.of("training.learningRate", "0.5", "rules[1].mu", "0.5")));
        assertEquals(0.5, x.training().learningRate());
        assertEquals(0.5, x.mu());
        assertFalse(x.withMu(0.1).mu() != 0.1);
    }
}
