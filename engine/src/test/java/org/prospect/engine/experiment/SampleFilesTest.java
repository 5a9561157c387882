package org.prospect.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prospect.engine.gle.LayerSpec;
import org.prospect.engine.gle.LearningSpec;
import org.prospect.engine.gle.Optimizer;
import org.prospect.engine.task.SignalSpec;
import org.prospect.engine.task.TargetSpec;

/** The shipped samples load, and the reference samples resolve to exactly the reference cases. */
class SampleFilesTest {
    private static final Path SAMPLES = Path.of("..", "samples");

    private static JsonNode reference(String name) throws IOException {
        try (InputStream in = SampleFilesTest.class.getResourceAsStream("/reference/" + name + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static double[] vector(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).doubleValue();
        return out;
    }

    private static double[] flatMatrix(JsonNode rows) {
        int cols = rows.get(0).size();
        double[] out = new double[rows.size() * cols];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols; j++) out[i * cols + j] = rows.get(i).get(j).doubleValue();
        }
        return out;
    }

    @Test void everySampleLoads() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(SAMPLES)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 5, "samples found: " + files);
        for (Path f : files) {
            Experiment any = ExperimentFile.loadAny(f);
            assertFalse(any.name().isBlank(), f.toString());
            assertFalse(any.description().isBlank(), f.toString());
            if (any instanceof RnnExperiment rnn) {
                // Two iterations of every rule: it runs and stays finite.
                var comparison = rnn.newComparison();
                for (int i = 0; i < 2; i++) {
                    for (var m : comparison.iterate()) assertTrue(Double.isFinite(m.loss()), f + ": " + m);
                }
                continue;
            }
            GleExperiment x = (GleExperiment) any;
            GleSimulation sim = new GleSimulation(x);
            for (int i = 0; i < 20; i++) sim.step();
            assertNull(sim.findNonFinite(), f.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lagline_gle", "lagline_le", "mlp_hetero_gle"})
    void referenceSampleResolvesToTheReferenceCase(String name) throws Exception {
        JsonNode ref = reference(name);
        GleExperiment x = ExperimentFile.load(SAMPLES.resolve("reference").resolve(name + ".json"));
        double dt = ref.get("dt").doubleValue();
        assertEquals(dt, x.dynamics().dt());
        assertEquals(ref.get("gamma").doubleValue(), x.dynamics().gamma());
        assertEquals(ref.get("beta").doubleValue(), x.dynamics().beta());
        assertEquals(ref.get("prospective_errors").booleanValue(), x.dynamics().prospectiveErrors());
        assertEquals(new LearningSpec(true, LearningSpec.Rule.GLE, Optimizer.Kind.SGD,
                ref.get("learning_rate").doubleValue(), ref.get("learn_tau").booleanValue(), 10 * dt, 0), x.learning());
        assertEquals(1, x.batch());
        assertEquals(ref.get("steps").longValue(), x.steps());
        assertEquals(List.of(), x.phases());
        checkNetworkAndTeacher(ref, x);
    }

    @Test void adjointSampleIsTheMlpStudentAtItsInitialWeights() throws Exception {
        JsonNode mlp = reference("mlp_hetero_gle");
        JsonNode adjoint = reference("mlp_bptt_adjoint");
        GleExperiment x = ExperimentFile.load(SAMPLES.resolve("reference").resolve("mlp_bptt_adjoint.json"));
        assertEquals(adjoint.get("dt").doubleValue(), x.dynamics().dt());
        assertEquals(adjoint.get("T_steps").longValue(), x.steps());
        assertFalse(x.learning().enabled());
        checkNetworkAndTeacher(mlp, x);
    }

    private static void checkNetworkAndTeacher(JsonNode ref, GleExperiment x) {
        JsonNode sizes = ref.get("sizes");
        assertEquals(sizes.get(0).intValue(), x.network().inputs());
        assertEquals(sizes.size() - 1, x.network().layerCount());
        boolean bias = ref.get("bias").booleanValue();
        TargetSpec.Teacher teacher = assertInstanceOf(TargetSpec.Teacher.class, x.target());
        assertNull(teacher.tauM(), "the teacher keeps the student's initial tauM");
        assertNull(teacher.tauR(), "the teacher keeps the student's initial tauR");
        for (int l = 0; l < x.network().layerCount(); l++) {
            LayerSpec layer = x.network().layer(l);
            assertEquals(sizes.get(l + 1).intValue(), layer.size());
            assertEquals(ref.get("activations").get(l).textValue(), layer.activation().fileName());
            assertEquals(bias, layer.bias());
            assertArrayEquals(vector(ref.get("tau_m").get(l)), layer.tauM());
            assertArrayEquals(vector(ref.get("tau_r").get(l)), layer.tauR());
            assertArrayEquals(flatMatrix(ref.get("student_init").get("W" + l)), x.initialWeights().weights(l));
            assertArrayEquals(flatMatrix(ref.get("teacher").get("W" + l)), teacher.weights().weights(l));
            double[] zeros = new double[layer.size()];
            assertArrayEquals(bias ? vector(ref.get("student_init").get("b" + l)) : zeros, x.initialWeights().biases(l));
            assertArrayEquals(bias ? vector(ref.get("teacher").get("b" + l)) : zeros, teacher.weights().biases(l));
        }
        SignalSpec.SumOfSines in = assertInstanceOf(SignalSpec.SumOfSines.class, x.input());
        for (int k = 0; k < x.network().inputs(); k++) {
            assertEquals(List.of(new SignalSpec.Sine(1, 0.3, k), new SignalSpec.Sine(0.5, 0.71, 0.3 * k)),
                    in.perChannel().get(k));
        }
    }

    @Test void lagLineSampleIsThePapersSetup() throws Exception {
        GleExperiment x = ExperimentFile.load(SAMPLES.resolve("lagline.json"));
        assertEquals(100, x.batch());
        assertEquals(4050.0, x.duration());
        assertEquals(List.of(new Phase(25, false, true), new Phase(25, false, false), new Phase(4000, true, false)),
                x.phases());
        assertEquals(new LearningSpec(true, LearningSpec.Rule.GLE, Optimizer.Kind.ADAM, 1e-4, true, 0.1, 0),
                x.learning());
        assertEquals(0.01, x.dynamics().beta());
        assertEquals(new SignalSpec.SquareWave(1, 4, 1, 5, true), x.input());
        TargetSpec.Teacher t = assertInstanceOf(TargetSpec.Teacher.class, x.target());
        assertArrayEquals(new double[][] {{1}, {2}}, t.weights().weights());
        assertArrayEquals(new double[][] {{1}, {2}}, t.tauM());
        assertNull(t.tauR());
        for (int l = 0; l < 2; l++) {
            double tauM = x.network().layer(l).tauM()[0];
            double w = x.initialWeights().weights(l)[0];
            assertTrue(tauM >= 0.1 && tauM <= 1, "tauM " + tauM);
            assertTrue(w >= 0 && w <= 1, "w " + w);
            assertArrayEquals(new double[] {0.1}, x.network().layer(l).tauR());
        }
    }

    @Test void documentedExampleIsTheLagLineSample() throws Exception {
        String doc = Files.readString(Path.of("..", "README.md"));
        int start = doc.indexOf("```json\n", doc.indexOf("#### Full example")) + "```json\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));
        assertEquals(Files.readString(SAMPLES.resolve("lagline.json")), example);
    }
}
