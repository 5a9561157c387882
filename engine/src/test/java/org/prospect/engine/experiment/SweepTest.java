package org.prospect.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepTest {
    static final Path LAGLINE = Path.of("..", "samples", "lagline.json");

    @Test
    void axisValuesSplitAtTopLevelCommasOnly() {
        Sweep.Axis a = Sweep.Axis.parse("network.layers[0].tauM=[0.5, 1],[1,2],0.3");
        assertEquals("network.layers[0].tauM", a.path());
        assertEquals(List.of("[0.5, 1]", "[1,2]", "0.3"), a.values());
    }

    @Test
    void pointsAreNumberedWithTheLastAxisFastest() {
        Sweep s = new Sweep(LAGLINE, List.of(Sweep.Axis.parse("dynamics.gamma=0.5,1,2"),
                Sweep.Axis.parse("learning.rate=1e-3,1e-4")));
        assertEquals(6, s.size());
        assertEquals(Map.of("dynamics.gamma", "0.5", "learning.rate", "1e-4"), s.settings(1).values());
        assertEquals(Map.of("dynamics.gamma", "2", "learning.rate", "1e-3"), s.settings(4).values());
        assertThrows(IllegalArgumentException.class, () -> s.settings(6));
    }

    @Test
    void aPointRunsTheFileWithItsSettingsApplied() throws Exception {
        Sweep s = new Sweep(LAGLINE, List.of(Sweep.Axis.parse("dynamics.gamma=0.25")));
        Sweep.Point p = s.run(0, 300);
        assertEquals("ok", p.status());
        assertEquals(300, p.steps());
        GleExperiment direct = ExperimentFile.load(LAGLINE, new Settings(Map.of("dynamics.gamma", "0.25")));
        assertEquals(0.25, direct.dynamics().gamma());
        GleSimulation sim = new GleSimulation(direct);
        for (int i = 0; i < 300; i++) sim.step();
        assertEquals(sim.loss(), p.finalLoss(), 0.0);
        assertEquals(sim.student().weights(1)[0], p.parameters().get("W1_0_0"), 0.0);
    }

    @Test
    void aBadPointRecordsItsErrorInsteadOfStoppingTheSweep() {
        Sweep s = new Sweep(LAGLINE, List.of(Sweep.Axis.parse("network.layers[0].tauR=0.001,0.1")));
        Sweep.Point bad = s.run(0, 10);
        assertEquals("error", bad.status());
        assertTrue(bad.error().contains("network.layers[0].tauR"), bad.error());
        assertEquals("ok", s.run(1, 10).status());
    }

    @Test
    void aPathTheFileDoesNotHaveIsReported() {
        Sweep s = new Sweep(LAGLINE, List.of(Sweep.Axis.parse("dynamix.gamma=1")));
        Sweep.Point p = s.run(0, 10);
        assertEquals("error", p.status());
        assertTrue(p.error().contains("dynamix"), p.error());
    }
}
