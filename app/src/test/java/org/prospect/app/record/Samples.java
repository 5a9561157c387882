package org.prospect.app.record;

import java.nio.file.Path;
import org.prospect.engine.experiment.ExperimentFile;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.experiment.GleSimulation;
import org.testfx.api.FxToolkit;

/** The LagLine sample and the toolkit, for the recorder tests. */
final class Samples {
    private Samples() {}

    static Path lagline() {
        return Path.of(System.getProperty("prospect.samples", "../samples")).resolve("lagline.json");
    }

    static GleExperiment experiment() throws Exception {
        return ExperimentFile.load(lagline());
    }

    static GleSimulation simulation() throws Exception {
        return new GleSimulation(experiment());
    }

    /** Starts the toolkit (Monocle headless in the tests) through TestFX, so TestFX tests can share it. */
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }
}
