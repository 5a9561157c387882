package org.prospect.engine.adjoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.testing.SmallNetworks;

class GradientAlignmentTest {
    @Test
    void cosineIsOneForIdenticalVectors() {
        double[] a = {0.3, -1.7, 2.2, 1e-3};
        assertEquals(1.0, GradientAlignment.cosine(a, a.clone()), 1e-15);
    }

    @Test
    void cosineMatchesAHandComputation() {
        // (1,2,2)·(2,0,1) = 4, |a| = 3, |b| = √5.
        assertEquals(4 / (3 * Math.sqrt(5)), GradientAlignment.cosine(new double[] {1, 2, 2}, new double[] {2, 0, 1}), 1e-15);
        assertEquals(-1.0, GradientAlignment.cosine(new double[] {1, -2}, new double[] {-2, 4}), 1e-15);
        assertTrue(Double.isNaN(GradientAlignment.cosine(new double[] {0, 0}, new double[] {1, 2})));
    }

    @Test
    void cosineWithBpttComparesTheAccumulatedGleChangeWithMinusTheBpttGradient() {
        GleExperiment e = SmallNetworks.teacherStudent(1, true);
        GleSimulation sim = new GleSimulation(e);
        GradientAlignment alignment = new GradientAlignment(e.network());
        SlidingAdjoint sliding = new SlidingAdjoint(e.network(), e.batch(), 80);
        sliding.begin(sim.student(), 0);
        for (int t = 0; t < 80; t++) {
            sim.step();
            alignment.accumulate(sim.student());
            sliding.record(sim.input(), sim.teacher().output(), sim.student(), e.dynamics().dt());
        }
        assertEquals(80, alignment.steps());
        int layers = e.network().layerCount();
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int l = 0; l < layers; l++) {
            double[] a = alignment.accumulated(l);
            double[] g = sliding.adjoint().weightGradient(l);
            for (int k = 0; k < a.length; k++) {
                dot += a[k] * -g[k];
                na += a[k] * a[k];
                nb += g[k] * g[k];
            }
        }
        assertEquals(dot / Math.sqrt(na * nb), alignment.cosineWith(sliding.adjoint()), 1e-12);
        alignment.clear();
        assertTrue(Double.isNaN(alignment.cosineWith(sliding.adjoint())), "nothing accumulated: undefined");
    }
}
