package org.prospect.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prospect.engine.gle.Activation;
import org.prospect.engine.gle.LearningSpec;
import org.prospect.engine.gle.Optimizer;
import org.prospect.engine.gle.TargetLoss;
import org.prospect.engine.task.SignalSpec;
import org.prospect.engine.task.TargetSpec;

class ExperimentFileTest {
    /** A small valid file exercising most forms; the error tests each break one thing in it. */
    static final String VALID = """
            {
              "name": "Test",
              "description": "a small valid experiment",
              "model": "gle",
              "seed": 3,
              "batch": 2,
              "dt": 0.01,
              "duration": 1,
              "network": {
                "inputs": 2,
                "layers": [
                  {"size": 3, "activation": "tanh", "tauM": 0.5, "tauR": [0.1, 0.2, 0.3], "bias": true,
                   "weights": [[1, 2], [3, 4], [5, 6]], "biases": [0.1, 0.2, 0.3]},
                  {"size": 1, "activation": "linear", "tauM": {"uniform": [0.2, 0.4]}, "tauR": 0.1,
                   "weights": {"uniform": [-0.5, 0.5]}}
                ]
              },
              "dynamics": {"gamma": 1, "beta": 0.5},
              "learning": {"rate": 0.001},
              "input": {"type": "sines", "channels": [[{"amplitude": 1, "frequency": 0.3}],
                                                      [{"amplitude": 2, "frequency": 0.5, "phase": 1}]]},
              "target": {"teacher": {"layers": [{"weights": {"normal": [0, 1]}}, {"weights": [[1, 2, 3]], "tauM": 1}]}}
            }
            """;

    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** VALID with {@code from} replaced by {@code to} (which must occur exactly once). */
    private static String edit(String text, String from, String to) {
        int i = text.indexOf(from);
        if (i < 0 || text.indexOf(from, i + 1) >= 0) throw new IllegalArgumentException("not unique: " + from);
        return text.replace(from, to);
    }

    /** Loads VALID edited by (from, to) pairs, expects failure at {@code field}, returns the message. */
    private String failure(String field, String... edits) throws IOException {
        String text = VALID;
        for (int i = 0; i < edits.length; i += 2) text = edit(text, edits[i], edits[i + 1]);
        return failureOf(text, field);
    }

    private String failureOf(String text, String field) throws IOException {
        Path file = write("bad.json", text);
        ExperimentFileException e = assertThrows(ExperimentFileException.class, () -> ExperimentFile.load(file));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
        if (!field.isEmpty()) assertTrue(e.getMessage().contains(field + ": "), e.getMessage());
        return e.getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "expected \"" + p + "\" in: " + message);
    }

    // ---- valid files ----

    @Test void validFileResolvesEveryFieldAndDefault() throws Exception {
        GleExperiment x = ExperimentFile.load(write("ok.json", VALID));
        assertEquals("Test", x.name());
        assertEquals("a small valid experiment", x.description());
        assertEquals(3, x.seed());
        assertEquals(2, x.batch());
        assertEquals(1.0, x.duration());
        assertEquals(100, x.steps());
        assertEquals(List.of(), x.phases());
        assertEquals(2, x.network().inputs());
        assertEquals(Activation.TANH, x.network().layer(0).activation());
        assertTrue(x.network().layer(0).bias());
        assertFalse(x.network().layer(1).bias());
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, x.network().layer(0).tauM());
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, x.network().layer(0).tauR());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, x.initialWeights().weights(0));
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, x.initialWeights().biases(0));
        assertArrayEquals(new double[] {0}, x.initialWeights().biases(1));
        assertEquals(0.01, x.dynamics().dt());
        assertEquals(1.0, x.dynamics().gamma());
        assertEquals(0.5, x.dynamics().beta());
        assertTrue(x.dynamics().prospectiveErrors());
        assertEquals(TargetLoss.MSE, x.dynamics().loss());
        assertEquals(new LearningSpec(true, LearningSpec.Rule.GLE, Optimizer.Kind.SGD, 0.001, false, 0.1, 0),
                x.learning());
        SignalSpec.SumOfSines in = assertInstanceOf(SignalSpec.SumOfSines.class, x.input());
        assertEquals(List.of(List.of(new SignalSpec.Sine(1, 0.3, 0)), List.of(new SignalSpec.Sine(2, 0.5, 1))),
                in.perChannel());
        TargetSpec.Teacher t = assertInstanceOf(TargetSpec.Teacher.class, x.target());
        assertArrayEquals(new double[] {1, 2, 3}, t.weights().weights(1));
        assertArrayEquals(x.network().layer(0).tauM(), t.tauM()[0]);
        assertArrayEquals(new double[] {1}, t.tauM()[1]);
        assertNull(t.tauR());
    }

    @Test void loadingTheSameFileTwiceGivesEqualValues() throws Exception {
        Path file = write("ok.json", VALID);
        GleExperiment a = ExperimentFile.load(file);
        GleExperiment b = ExperimentFile.load(file);
        assertEquals(a.network(), b.network());
        assertArrayEquals(a.initialWeights().weights(), b.initialWeights().weights());
        assertArrayEquals(a.initialWeights().biases(), b.initialWeights().biases());
        TargetSpec.Teacher ta = (TargetSpec.Teacher) a.target();
        TargetSpec.Teacher tb = (TargetSpec.Teacher) b.target();
        assertArrayEquals(ta.weights().weights(), tb.weights().weights());
        assertArrayEquals(ta.tauM(), tb.tauM());
        assertEquals(a.learning(), b.learning());
        assertEquals(a.dynamics(), b.dynamics());
    }

    @Test void anotherSeedGivesOtherDraws() throws Exception {
        GleExperiment a = ExperimentFile.load(write("a.json", VALID));
        GleExperiment b = ExperimentFile.load(write("b.json", edit(VALID, "\"seed\": 3", "\"seed\": 4")));
        assertFalse(a.initialWeights().weights(1)[0] == b.initialWeights().weights(1)[0]);
    }

    @Test void uniformDrawsLieInTheirRange() throws Exception {
        String text = edit(edit(VALID, "{\"size\": 1, \"activation\": \"linear\"", "{\"size\": 40, \"activation\": \"linear\""),
                "[[1, 2, 3]], \"tauM\": 1", "{\"uniform\": [2, 3]}");
        GleExperiment x = ExperimentFile.load(write("wide.json", text));
        double[] tauM = x.network().layer(1).tauM();
        assertEquals(40, tauM.length);
        for (double v : tauM) assertTrue(v >= 0.2 && v <= 0.4, "tauM " + v);
        double[] w = x.initialWeights().weights(1);
        assertEquals(40 * 3, w.length);
        for (double v : w) assertTrue(v >= -0.5 && v <= 0.5, "weight " + v);
        double[] tw = ((TargetSpec.Teacher) x.target()).weights().weights(1);
        for (double v : tw) assertTrue(v >= 2 && v <= 3, "teacher weight " + v);
        assertTrue(tauM[0] != tauM[1], "draws differ per neuron");
    }

    @Test void defaultWeightsAreUniformInPlusMinusOneOverSqrtFanIn() throws Exception {
        String text = edit(edit(VALID, "{\"size\": 1, \"activation\": \"linear\"", "{\"size\": 30, \"activation\": \"linear\""),
                ",\n       \"weights\": {\"uniform\": [-0.5, 0.5]}", "");
        text = edit(text, "[[1, 2, 3]], \"tauM\": 1", "{\"uniform\": [0, 1]}");
        GleExperiment x = ExperimentFile.load(write("default.json", text));
        double bound = 1 / Math.sqrt(3);
        for (double v : x.initialWeights().weights(1)) assertTrue(Math.abs(v) <= bound, "weight " + v);
    }

    @Test void phasesGiveTheDurationWhenItIsLeftOut() throws Exception {
        String text = edit(VALID, "\"duration\": 1,", "");
        text = edit(text, "\"learning\": {\"rate\": 0.001},", "\"learning\": {\"rate\": 0.001},\n"
                + "\"phases\": [{\"duration\": 0.5, \"learning\": false, \"teacherTauM\": true}, {\"duration\": 0.25}],");
        GleExperiment x = ExperimentFile.load(write("phases.json", text));
        assertEquals(0.75, x.duration());
        assertEquals(List.of(new Phase(0.5, false, true), new Phase(0.25, true, false)), x.phases());
    }

    // ---- errors ----

    @Test void missingRequiredFieldIsNamed() throws IOException {
        assertContains(failure("dt", "\"dt\": 0.01,", ""), "missing required field \"dt\"");
    }

    @Test void missingNestedRequiredFieldIsNamedWithItsPath() throws IOException {
        assertContains(failure("network.layers[1].tauR", "\"tauR\": 0.1,", ""), "missing required field \"tauR\"");
    }

    @Test void unknownTopLevelFieldListsTheAllowedOnes() throws IOException {
        assertContains(failure("colour", "\"seed\": 3,", "\"seed\": 3, \"colour\": \"red\","),
                "unknown field \"colour\"", "allowed fields here: name, description, model, seed, batch, dt");
    }

    @Test void unknownNestedFieldListsTheAllowedOnes() throws IOException {
        assertContains(failure("network.layers[1].tauX", "\"tauR\": 0.1,", "\"tauR\": 0.1, \"tauX\": 2,"),
                "unknown field \"tauX\"", "size, activation, tauM, tauR, bias, weights, biases");
    }

    @Test void stringWhereNumberExpectedIsAWrongType() throws IOException {
        assertContains(failure("dt", "\"dt\": 0.01", "\"dt\": \"fast\""),
                "expected a number", "found the string \"fast\"");
    }

    @Test void matrixWithTooFewRowsIsRejected() throws IOException {
        assertContains(failure("network.layers[0].weights", "[[1, 2], [3, 4], [5, 6]]", "[[1, 2], [3, 4]]"),
                "expected 3 rows", "found 2");
    }

    @Test void matrixRowWithTooManyColumnsIsRejected() throws IOException {
        assertContains(failure("network.layers[0].weights[1]", "[[1, 2], [3, 4], [5, 6]]", "[[1, 2], [3, 4, 0], [5, 6]]"),
                "expected 2 columns", "fan-in", "found 3");
    }

    @Test void teacherMatrixShapeIsChecked() throws IOException {
        assertContains(failure("target.teacher.layers[1].weights[0]", "[[1, 2, 3]]", "[[1, 2]]"),
                "expected 3 columns", "found 2");
    }

    @Test void tauMBelowDtIsRejected() throws IOException {
        assertContains(failure("network.layers[0].tauM", "\"tauM\": 0.5", "\"tauM\": 0.005"),
                "expected a number ≥ dt = 0.01", "found the number 0.005");
    }

    @Test void perNeuronTauMBelowDtNamesTheNeuron() throws IOException {
        assertContains(failure("network.layers[0].tauM[1]", "\"tauM\": 0.5", "\"tauM\": [0.5, 0.001, 0.5]"),
                "expected a number ≥ dt = 0.01");
    }

    @Test void uniformTauMRangeStartingBelowDtIsRejected() throws IOException {
        assertContains(failure("network.layers[1].tauM.uniform[0]", "[0.2, 0.4]", "[0.001, 0.4]"),
                "expected a number ≥ dt = 0.01");
    }

    @Test void nanIsRejectedAsNotFinite() throws IOException {
        assertContains(failure("dynamics.beta", "\"beta\": 0.5", "\"beta\": NaN"), "expected a finite number", "found NaN");
    }

    @Test void infinityIsRejectedAsNotFinite() throws IOException {
        assertContains(failure("network.layers[0].weights[2][1]", "[5, 6]", "[5, -Infinity]"),
                "expected a finite number", "found -Infinity");
    }

    @Test void zeroLayerSizeIsRejected() throws IOException {
        assertContains(failure("network.layers[1].size", "{\"size\": 1,", "{\"size\": 0,"),
                "expected an integer ≥ 1", "found the number 0");
    }

    @Test void negativeLayerSizeIsRejected() throws IOException {
        assertContains(failure("network.layers[1].size", "{\"size\": 1,", "{\"size\": -2,"),
                "expected an integer ≥ 1", "found the number -2");
    }

    @Test void zeroBatchIsRejected() throws IOException {
        assertContains(failure("batch", "\"batch\": 2", "\"batch\": 0"), "expected an integer ≥ 1");
    }

    @Test void badActivationNameListsTheAllowedNames() throws IOException {
        assertContains(failure("network.layers[0].activation", "\"tanh\"", "\"swish\""),
                "\"linear\", \"tanh\", \"sigmoid\", \"softplus\", \"relu\"", "found the string \"swish\"");
    }

    @Test void unknownModelListsTheAllowedKinds() throws IOException {
        assertContains(failure("model", "\"gle\"", "\"lif\""), "expected one of \"gle\"");
    }

    @Test void malformedJsonGivesLineAndColumn() throws IOException {
        String text = "{\n  \"name\": \"x\"\n  \"description\": \"y\"\n}\n";
        assertContains(failureOf(text, ""), "malformed JSON at line 3, column");
    }

    @Test void trailingContentIsMalformed() throws IOException {
        assertContains(failureOf(VALID + "}", ""), "malformed JSON at line");
    }

    @Test void emptyFileIsMalformed() throws IOException {
        assertContains(failureOf("", ""), "malformed JSON");
    }

    @Test void topLevelArrayIsRejected() throws IOException {
        assertContains(failureOf("[1, 2]", ""), "expected an object", "found an array of 2 elements");
    }

    @Test void biasesWithBiasFalseAreRejected() throws IOException {
        assertContains(failure("network.layers[1].biases", "\"tauR\": 0.1,", "\"tauR\": 0.1, \"biases\": [0],"),
                "only allowed when the layer's \"bias\" is true");
    }

    @Test void plasticMustBeTrueOrFalse() throws IOException {
        assertContains(failure("network.layers[1].plastic", "\"tauR\": 0.1,", "\"tauR\": 0.1, \"plastic\": \"no\","),
                "expected true or false");
    }

    @Test void truncatedBpttWithoutWindowIsRejected() throws IOException {
        assertContains(failure("learning.bpttWindow", "{\"rate\": 0.001}", "{\"rate\": 0.001, \"rule\": \"truncated_bptt\"}"),
                "missing required field \"bpttWindow\"", "truncated_bptt");
    }

    @Test void bpttWindowWithGleRuleIsRejected() throws IOException {
        assertContains(failure("learning.bpttWindow", "{\"rate\": 0.001}", "{\"rate\": 0.001, \"bpttWindow\": 1}"),
                "only allowed when rule is \"truncated_bptt\"");
    }

    @Test void truncatedBpttWindowIsResolved() throws Exception {
        GleExperiment x = ExperimentFile.load(write("bptt.json", edit(VALID, "{\"rate\": 0.001}",
                "{\"rate\": 0.001, \"rule\": \"truncated_bptt\", \"optimizer\": \"adam\", \"bpttWindow\": 2}")));
        assertEquals(LearningSpec.Rule.TRUNCATED_BPTT, x.learning().rule());
        assertEquals(Optimizer.Kind.ADAM, x.learning().optimizer());
        assertEquals(2.0, x.learning().bpttWindow());
    }

    @Test void inputChannelCountMustEqualInputs() throws IOException {
        assertContains(failure("input.channels", "[{\"amplitude\": 1, \"frequency\": 0.3}],", "[{\"amplitude\": 1, \"frequency\": 0.3}]",
                        "[{\"amplitude\": 2, \"frequency\": 0.5, \"phase\": 1}]", ""),
                "expected 2 channels (network.inputs = 2), found 1");
    }

    @Test void targetSignalChannelCountMustEqualOutputs() throws IOException {
        String teacher = VALID.substring(VALID.indexOf("{\"teacher\""), VALID.lastIndexOf('}', VALID.lastIndexOf('}') - 1));
        assertContains(failure("target.signal.value", teacher, "{\"signal\": {\"type\": \"constant\", \"value\": [1, 2]}"),
                "expected 1 channel", "found 2");
    }

    @Test void teacherLayerCountMustEqualNetworkLayers() throws IOException {
        assertContains(failure("target.teacher.layers", "{\"weights\": {\"normal\": [0, 1]}}, ", ""),
                "expected 2 layers (one per network layer), found 1");
    }

    @Test void teacherAndSignalTogetherAreRejected() throws IOException {
        assertContains(failure("target", "{\"teacher\":", "{\"signal\": {\"type\": \"constant\", \"value\": [1]}, \"teacher\":"),
                "expected exactly one of \"teacher\", \"signal\"");
    }

    @Test void phasesDisagreeingWithDurationAreRejected() throws IOException {
        assertContains(failure("duration", "\"learning\": {\"rate\": 0.001},",
                        "\"learning\": {\"rate\": 0.001}, \"phases\": [{\"duration\": 0.5}, {\"duration\": 0.25}],"),
                "expected 0.75 (the sum of the phase durations", "found the number 1");
    }

    @Test void teacherTauMPhaseNeedsATeacher() throws IOException {
        String teacher = VALID.substring(VALID.indexOf("{\"teacher\""), VALID.lastIndexOf('}', VALID.lastIndexOf('}') - 1));
        assertContains(failure("phases[0].teacherTauM", teacher, "{\"signal\": {\"type\": \"constant\", \"value\": [1]}",
                        "\"duration\": 1,", "\"phases\": [{\"duration\": 1, \"teacherTauM\": true}],"),
                "only allowed when the target is a teacher");
    }

    @Test void crossEntropyNeedsALinearOutputLayer() throws IOException {
        assertContains(failure("dynamics.loss", "\"linear\"", "\"sigmoid\"", "\"beta\": 0.5", "\"beta\": 0.5, \"loss\": \"cross_entropy\""),
                "requires a linear output layer", "network.layers[1].activation is \"sigmoid\"");
    }

    @Test void duplicateFieldIsMalformed() throws IOException {
        assertContains(failure("", "\"seed\": 3,", "\"seed\": 3, \"seed\": 4,"), "malformed JSON", "seed");
    }

    @Test void missingFileIsReported() {
        Path file = dir.resolve("absent.json");
        ExperimentFileException e = assertThrows(ExperimentFileException.class, () -> ExperimentFile.load(file));
        assertContains(e.getMessage(), "absent.json", "cannot read");
    }
}
