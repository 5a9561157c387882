package org.prospect.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prospect.engine.task.SignalSpec;

/** A saved session resumes bit-identically: the same trace as running straight through. */
class SessionFileTest {
    static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    Path dir;

    static void assertSameState(GleSimulation straight, GleSimulation resumed) {
        assertEquals(straight.stepCount(), resumed.stepCount());
        assertEquals(straight.loss(), resumed.loss(), 0.0, "loss");
        Map<String, double[]> a = straight.student().exportState();
        Map<String, double[]> b = resumed.student().exportState();
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), 0.0, k);
        assertArrayEquals(straight.input(), resumed.input(), 0.0, "input");
    }

    void resumesBitIdentically(Path file, long saveAt, long total, Consumer<GleSimulation> edit) throws Exception {
        GleExperiment e = ExperimentFile.load(file);
        GleSimulation straight = new GleSimulation(e);
        GleSimulation first = new GleSimulation(e);
        for (long i = 0; i < saveAt; i++) {
            if (i == saveAt / 2 && edit != null) {
                edit.accept(straight);
                edit.accept(first);
            }
            straight.step();
            first.step();
        }
        Path session = dir.resolve("run.prospect-session");
        SessionFile.save(session, ExperimentText.read(file), first);
        GleSimulation resumed = SessionFile.load(session).simulation();
        assertSameState(first, resumed);
        for (long i = saveAt; i < total; i++) {
            straight.step();
            resumed.step();
        }
        assertSameState(straight, resumed);
    }

    @Test
    void lagLineResumesInsideTheTeacherTimeConstantPhase() throws Exception {
        resumesBitIdentically(SAMPLES.resolve("lagline.json"), 1_234, 8_000, null);
    }

    @Test
    void lagLineResumesWhileLearningWithAdam() throws Exception {
        resumesBitIdentically(SAMPLES.resolve("lagline.json"), 6_000, 9_000, null);
    }

    @Test
    void noiseInputResumesOnTheSameRandomStream() throws Exception {
        resumesBitIdentically(SAMPLES.resolve("lagnet.json"), 1_500, 3_000, null);
    }

    @Test
    void truncatedBpttResumesInTheMiddleOfAWindow() throws Exception {
        Path f = dir.resolve("bptt.json");
        Files.writeString(f, Files.readString(SAMPLES.resolve("lagline.json"))
                .replace("\"rule\": \"gle\"", "\"rule\": \"truncated_bptt\", \"bpttWindow\": 1")
                .replace("\"duration\": 25, \"learning\": false, \"teacherTauM\": true", "\"duration\": 0.5, \"learning\": false")
                .replace("{\"duration\": 25, \"learning\": false}", "{\"duration\": 0.5, \"learning\": false}"));
        resumesBitIdentically(f, 5_050, 5_400, null);
    }

    @Test
    void anEditedInputIsKeptInTheSession() throws Exception {
        resumesBitIdentically(SAMPLES.resolve("lagline.json"), 2_000, 3_000,
                sim -> sim.setInput(new SignalSpec.OrnsteinUhlenbeck(1, 2, 0.5, 1)));
    }

    @Test
    void liveEditsOfGammaAndRateAreKept() throws Exception {
        resumesBitIdentically(SAMPLES.resolve("lagline.json"), 6_000, 7_000, sim -> {
            sim.setDynamics(sim.student().dynamics().withGamma(0.5));
            sim.setLearningRate(3e-4);
        });
    }

    @Test
    void sequenceClassificationResumesAcrossAnEpochEnd() throws Exception {
        Path f = dir.resolve("tiny.json");
        Files.writeString(f, SequenceClassificationTest.tinyExperiment(SequenceClassificationTest.DATA.toString())
                .replace("\"limit\": 1000, \"epochs\": 10", "\"limit\": 200, \"epochs\": 3"));
        // 200 sequences / batch 50 × 40 steps = 160 steps per epoch.
        resumesBitIdentically(f, 100, 400, null);
        GleExperiment e = ExperimentFile.load(f);
        GleSimulation sim = new GleSimulation(e);
        for (int i = 0; i < 200; i++) sim.step();
        SessionFile.save(dir.resolve("s"), ExperimentText.read(f), sim);
        GleSimulation resumed = SessionFile.load(dir.resolve("s")).simulation();
        assertEquals(1, resumed.classification().history().size());
        assertEquals(sim.classification().history().get(0).testAccuracy(),
                resumed.classification().history().get(0).testAccuracy(), 0.0);
    }

    @Test
    void everyLearnerOfAComparisonFileResumesBitIdentically() throws Exception {
        Path file = SAMPLES.resolve("lagline-compare.json");
        List<ExperimentFile.Learner> learners = ExperimentFile.loadLearners(file);
        Comparison straight = new Comparison(learners);
        Comparison first = new Comparison(learners);
        for (int i = 0; i < 5_200; i++) {
            straight.step();
            first.step();
        }
        List<GleSimulation> saved = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) saved.add(first.simulation(i));
        Path session = dir.resolve("compare.session");
        SessionFile.save(session, ExperimentText.read(file), saved);
        SessionFile.Session resumed = SessionFile.load(session);
        assertEquals(learners.stream().map(ExperimentFile.Learner::label).toList(),
                resumed.learners().stream().map(ExperimentFile.Learner::label).toList());
        assertEquals(3, resumed.simulations().size());
        for (int k = 0; k < 400; k++) {
            straight.step();
            for (GleSimulation s : resumed.simulations()) s.step();
        }
        for (int i = 0; i < straight.size(); i++) assertSameState(straight.simulation(i), resumed.simulations().get(i));
    }

    @Test
    void theSessionHoldsTheExperimentAsReadWhenTheRunWasOpened() throws Exception {
        Path file = dir.resolve("lagline.json");
        Files.copy(SAMPLES.resolve("lagline.json"), file);
        ExperimentText opened = ExperimentText.read(file);
        GleSimulation sim = new GleSimulation(ExperimentFile.loadLearners(opened).get(0).experiment());
        for (int i = 0; i < 300; i++) sim.step();
        Files.writeString(file, opened.text().replace("\"gamma\": 1,", "\"gamma\": 0.25,"));
        SessionFile.save(dir.resolve("changed.session"), opened, sim);
        Files.delete(file);
        SessionFile.save(dir.resolve("deleted.session"), opened, sim);
        for (String name : List.of("changed.session", "deleted.session")) {
            SessionFile.Session s = SessionFile.load(dir.resolve(name));
            assertEquals(opened.text(), s.source().text(), name);
            assertEquals(1.0, s.simulation().experiment().dynamics().gamma(), name);
        }
    }

    @Test
    void aFileThatIsNotASessionIsRefusedByName() {
        ExperimentFileException e = assertThrows(ExperimentFileException.class,
                () -> SessionFile.load(SAMPLES.resolve("lagline.json")));
        assertTrue(e.getMessage().contains("lagline.json: format"), e.getMessage());
    }
}
