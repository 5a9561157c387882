package org.prospect.engine.adjoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.gle.Dynamics;
import org.prospect.engine.gle.LearningSpec;
import org.prospect.engine.gle.Optimizer;
import org.prospect.engine.gle.TargetLoss;

/** Truncated BPTT as a learner: one SGD step per window with the window's exact gradient. */
class TruncatedBpttTest {
    static GleExperiment withLearner(GleExperiment e, double window) {
        double dt = e.dynamics().dt();
        // β = dt makes the learner's per-window loss Σ_t β·ℓ_t the adjoint's Σ_t dt·ℓ_t.
        return new GleExperiment(e.name(), e.description(), e.network(), e.initialWeights(),
                new Dynamics(dt, 0, dt, true, TargetLoss.MSE),
                new LearningSpec(true, LearningSpec.Rule.TRUNCATED_BPTT, Optimizer.Kind.SGD, 0.5, true, 0.02, window),
                e.input(), e.target(), e.batch(), e.seed(), e.duration(), List.of());
    }

    @Test
    void aWindowEndsWithOneStepAlongTheExactGradient() {
        GleExperiment base = FiniteDifferenceTest.randomExperiment(TargetLoss.MSE);
        int k = 30;
        GleExperiment e = withLearner(base, k * base.dynamics().dt());
        AdjointRun exact = AdjointRun.compute(e, k);
        GleSimulation sim = new GleSimulation(e);
        for (int i = 0; i < k; i++) sim.step();
        for (int l = 0; l < e.network().layerCount(); l++) {
            double[] expected = base.initialWeights().weights(l);
            for (int i = 0; i < expected.length; i++) expected[i] -= 0.5 * exact.adjoint().weightGradient(l)[i];
            assertArrayEquals(expected, sim.student().weights(l), 1e-13, "W" + l);
            double[] tau = e.network().layer(l).tauM();
            for (int i = 0; i < tau.length; i++) tau[i] = Math.max(0.02, tau[i] - 0.5 * exact.adjoint().tauMGradient(l)[i]);
            assertArrayEquals(tau, sim.student().tauM(l), 1e-13, "tauM" + l);
        }
    }

    @Test
    void weightsStayPutWithinAWindow() {
        GleExperiment base = FiniteDifferenceTest.randomExperiment(TargetLoss.MSE);
        GleExperiment e = withLearner(base, 30 * base.dynamics().dt());
        GleSimulation sim = new GleSimulation(e);
        for (int i = 0; i < 29; i++) sim.step();
        assertArrayEquals(base.initialWeights().weights(1), sim.student().weights(1), 0.0);
        sim.step();
        assertEquals(false, java.util.Arrays.equals(base.initialWeights().weights(1), sim.student().weights(1)));
    }
}
