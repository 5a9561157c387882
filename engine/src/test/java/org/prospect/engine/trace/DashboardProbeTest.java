package org.prospect.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.gle.GleNetwork;
import org.prospect.engine.gle.Quantity;
import org.prospect.engine.testing.SmallNetworks;
import org.prospect.engine.trace.DashboardProbe.SlotQuantity;

class DashboardProbeTest {
    private static final int CAPACITY = 4096;
    private final GleExperiment experiment = SmallNetworks.teacherStudent(1, true);
    private final GleSimulation sim = new GleSimulation(experiment);

    /** A probe on a run paced at one time unit per second: the adjoint's worker has time for every window. */
    private DashboardProbe probe(int rowsPerTimeUnit, double adjointWindow) {
        DashboardProbe p = new DashboardProbe(experiment.network(), adjointWindow, rowsPerTimeUnit, CAPACITY,
                () -> Math.round(sim.time() * 1e9));
        p.attach(sim);
        return p;
    }

    private static final class Drained {
        final double[] time = new double[CAPACITY];
        final double[][] columns;
        final int rows;

        Drained(TraceBuffer trace) {
            columns = new double[trace.channels()][CAPACITY];
            rows = trace.drain(time, columns);
        }
    }

    @Test
    void defaultSelectionIsTheOutputNeuron() {
        assertEquals(List.of(new NeuronId(1, 0)), probe(100, 1).selected());
    }

    @Test
    void theWeightNormAndItsChangeAreThoseOfTheWeightsAtTheRowsStep() {
        DashboardProbe p = probe(100, 1); // dt = 0.01: one row per step
        int layers = experiment.network().layerCount();
        List<double[]> expected = new ArrayList<>();
        double[][] before = new double[layers][];
        for (int l = 0; l < layers; l++) before[l] = sim.student().weights(l).clone();
        for (int t = 0; t < 60; t++) {
            sim.step();
            p.afterStep(sim);
            double[] row = new double[2 * layers];
            for (int l = 0; l < layers; l++) {
                double[] w = sim.student().weights(l);
                double sq = 0;
                double change = 0;
                for (int k = 0; k < w.length; k++) {
                    sq += w[k] * w[k];
                    change += (w[k] - before[l][k]) * (w[k] - before[l][k]);
                }
                row[l] = Math.sqrt(sq);
                row[layers + l] = Math.sqrt(change);
                before[l] = w.clone();
            }
            expected.add(row);
        }
        Drained d = new Drained(p.trace());
        assertEquals(60, d.rows);
        for (int t = 0; t < 60; t++) {
            for (int l = 0; l < layers; l++) {
                double norm = expected.get(t)[l];
                assertEquals(norm, d.columns[p.weightNormChannel(l)][t], 1e-14 * norm, "‖W" + l + "‖ at step " + t);
                double change = expected.get(t)[layers + l];
                assertEquals(change, d.columns[p.weightChangeChannel(l)][t], 1e-9 * change + 1e-300,
                        "‖ΔW" + l + "‖ at step " + t);
            }
        }
        assertTrue(expected.get(59)[layers] > 0, "the weights learn, so their change is not trivially 0");
    }

    @Test
    void probePublishesTheSelectedNeuronsValuesEqualToGleNetworkValueAtThatStep() {
        DashboardProbe p = probe(100, 1); // dt = 0.01: one row per step
        List<NeuronId> chosen = List.of(new NeuronId(0, 2), new NeuronId(1, 0));
        p.select(chosen);
        Quantity[] quantities = {Quantity.SOMATIC_POTENTIAL, Quantity.BASAL_POTENTIAL, Quantity.APICAL_POTENTIAL,
                Quantity.RATE, Quantity.INSTANTANEOUS_RATE, null, Quantity.PROSPECTIVE_ERROR,
                Quantity.INSTANTANEOUS_ERROR};
        List<double[]> expected = new ArrayList<>();
        for (int t = 0; t < 150; t++) {
            sim.step();
            p.afterStep(sim);
            double[] values = new double[chosen.size() * quantities.length];
            for (int s = 0; s < chosen.size(); s++) {
                NeuronId n = chosen.get(s);
                for (int q = 0; q < quantities.length; q++) {
                    GleNetwork net = quantities[q] == null ? sim.teacher() : sim.student();
                    Quantity quantity = quantities[q] == null ? Quantity.RATE : quantities[q];
                    values[s * quantities.length + q] = net.value(quantity, n.layer(), 0, n.index());
                }
            }
            expected.add(values);
        }
        Drained d = new Drained(p.trace());
        assertEquals(150, d.rows);
        SlotQuantity[] slotQuantities = SlotQuantity.values();
        for (int t = 0; t < d.rows; t++) {
            assertEquals((t + 1) * 0.01, d.time[t], 1e-12);
            assertEquals(p.selectionGeneration(), d.columns[0][t]);
            for (int s = 0; s < chosen.size(); s++) {
                for (int q = 0; q < slotQuantities.length; q++) {
                    assertEquals(expected.get(t)[s * quantities.length + q],
                            d.columns[p.slotChannel(s, slotQuantities[q])][t], 0.0,
                            "step " + (t + 1) + ", " + chosen.get(s) + ", " + slotQuantities[q]);
                }
            }
            assertTrue(Double.isNaN(d.columns[p.slotChannel(2, SlotQuantity.SOMATIC_POTENTIAL)][t]), "unused slot");
        }
    }

    @Test
    void decimationBoundsRowsPerTimeUnit() {
        DashboardProbe p = probe(7, 1);
        for (int t = 0; t < 1000; t++) { // 10 time units
            sim.step();
            p.afterStep(sim);
        }
        Drained d = new Drained(p.trace());
        assertTrue(d.rows <= 7 * 10, "at most 7 rows per time unit, got " + d.rows + " in 10");
        assertTrue(d.rows >= 6 * 10, "but not far fewer, got " + d.rows);
        for (int k = 1; k < d.rows; k++) assertTrue(d.time[k] - d.time[k - 1] >= 1.0 / 7 - 1e-9);

        p.setRowsPerTimeUnit(10_000); // finer than dt: one row per step, never more
        for (int t = 0; t < 100; t++) {
            sim.step();
            p.afterStep(sim);
        }
        assertEquals(100, new Drained(p.trace()).rows);
    }

    @Test
    void lambdaIsPublishedOneToTwoWindowsLateWithTheTimesItBelongsTo() {
        DashboardProbe p = probe(100, 0.5); // λ shown in 50-step pieces of 100-step BPTT windows, a row per step
        for (int t = 0; t < 99; t++) {
            sim.step();
            p.afterStep(sim);
        }
        assertEquals(0, new Drained(p.lambdaTrace()).rows, "nothing before the first window is complete");
        sim.step();
        p.afterStep(sim);
        p.awaitAdjoint(); // λ is computed on the adjoint's worker thread
        Drained d = new Drained(p.lambdaTrace());
        assertEquals(50, d.rows, "the first half of the window");
        assertEquals(0.01, d.time[0], 1e-12);
        assertEquals(0.50, d.time[49], 1e-12);
        int batch = experiment.batch();
        for (int t = 0; t < 50; t++) {
            assertEquals(-batch * p.slidingAdjoint().lambda(t, 1)[0], d.columns[p.lambdaChannel(0)][t], 0.0);
            // The exact error in ĕ's units: sample 0's −β·∂L/∂s/dt.
            double beta = experiment.dynamics().beta();
            double dt = experiment.dynamics().dt();
            assertEquals(-beta * batch / dt * p.slidingAdjoint().basalGradient(t, 1)[0],
                    d.columns[p.exactErrorChannel(0)][t], 1e-15);
        }
        assertTrue(Math.abs(d.columns[p.lambdaChannel(0)][49]) > 0, "not cut to zero by the window's end");
        assertTrue(Math.abs(d.columns[p.exactErrorChannel(0)][49]) > 0, "the exact error is there too");
        for (int t = 0; t < 50; t++) {
            sim.step();
            p.afterStep(sim);
        }
        p.awaitAdjoint();
        Drained next = new Drained(p.lambdaTrace());
        assertEquals(50, next.rows);
        assertEquals(0.51, next.time[0], 1e-12, "the pieces tile time without gaps");
    }

    @Test
    void snapshotHoldsSampleZerosValuesAndWeights() {
        DashboardProbe p = probe(100, 1);
        for (int t = 0; t < 20; t++) {
            sim.step();
            p.afterStep(sim);
        }
        p.idle(sim);
        NetworkSnapshot s = p.snapshots().front();
        assertEquals(20, s.step);
        for (int l = 0; l < 2; l++) {
            for (int i = 0; i < experiment.network().layer(l).size(); i++) {
                assertEquals(sim.student().value(Quantity.SOMATIC_POTENTIAL, l, 0, i), s.u[l][i], 0.0);
                assertEquals(sim.student().value(Quantity.PROSPECTIVE_ERROR, l, 0, i), s.prospectiveError[l][i], 0.0);
            }
            assertEquals(sim.student().weights(l)[0], s.weights[l][0], 0.0);
        }
    }
}
