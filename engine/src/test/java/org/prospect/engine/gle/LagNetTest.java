package org.prospect.engine.gle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prospect.engine.experiment.ExperimentFile;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.experiment.GleSimulation;

/**
 * The paper's LagNet (EXPERIMENTS.md §2) as shipped in {@code samples/lagnet.json}, set up as in the public GLE
 * reference: one input (three sines), a fast (τ_r = τ_m) and a slow (τ_r = 0.1) path through two tanh layers
 * of two neurons, a linear output; the upper two layers are the teacher's and fixed ({@code "plastic": false}),
 * the first layer starts random and learns.
 *
 * <p>Measured for the sample's 2000 time units (80 of settling, then learning; seed 5): the first layer ends
 * 7·10⁻⁶ from the teacher (1.3·10⁻³ at t = 1001, the reference's run length), the last step's loss 1.2·10⁻¹⁵.
 * The bounds below leave a factor of about ten.
 */
class LagNetTest {
    private static final double[] TEACHER_INPUT_WEIGHTS = {-0.5, 1};
    private static final double[] TEACHER_HIDDEN_WEIGHTS = {0.5, 0, 0, 1};
    private static final double[] TEACHER_OUTPUT_WEIGHTS = {0.5, 1};

    private static GleSimulation sim;

    /** The shipped sample, run once for its full duration (well under a second of CPU). */
    @BeforeAll
    static void learnLagNet() throws Exception {
        GleExperiment e = ExperimentFile.load(Path.of("..", "samples", "lagnet.json"));
        sim = new GleSimulation(e);
        for (long i = 0; i < e.steps(); i++) sim.step();
    }

    @Test
    void theFirstLayerLearnsTheTeachersWeights() {
        double[] w = sim.student().weights(0);
        for (int i = 0; i < w.length; i++) {
            assertEquals(TEACHER_INPUT_WEIGHTS[i], w[i], 1e-4, "w0[" + i + "]");
        }
        assertTrue(sim.loss() < 1e-13, "loss " + sim.loss());
    }

    @Test
    void fixedLayersKeepTheTeachersWeightsExactly() {
        assertArrayEquals(TEACHER_HIDDEN_WEIGHTS, sim.student().weights(1));
        assertArrayEquals(TEACHER_OUTPUT_WEIGHTS, sim.student().weights(2));
    }
}
