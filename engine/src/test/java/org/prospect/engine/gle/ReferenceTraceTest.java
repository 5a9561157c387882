package org.prospect.engine.gle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.experiment.StateColumns;
import org.prospect.engine.testing.ReferenceCase;
import org.prospect.engine.testing.ReferenceExperiments;

/**
 * The engine reproduces the public GLE reference implementation: every value of every step within
 * {@code 1e−9·max(1e−3, |ref|)}, and the final parameters likewise.
 */
class ReferenceTraceTest {
    static final double TOLERANCE = 1e-9;

    static void assertClose(double ref, double mine, String what) {
        double bound = TOLERANCE * Math.max(1e-3, Math.abs(ref));
        if (!(Math.abs(mine - ref) <= bound)) {
            fail(what + ": reference " + ref + ", engine " + mine + " (|Δ| = " + Math.abs(mine - ref)
                    + " > " + bound + ")");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lagline_gle", "lagline_le", "mlp_hetero_gle"})
    void everyValueOfEveryStepMatchesTheReference(String name) {
        ReferenceCase ref = ReferenceCase.load(name);
        GleSimulation sim = new GleSimulation(ReferenceExperiments.of(ref));
        StateColumns columns = new StateColumns(sim, 0);
        assertEquals(ref.columns, columns.names(), "column layout");
        double[] row = new double[columns.size()];
        for (double[] expected : ref.rows) {
            sim.step();
            columns.fill(sim, row);
            for (int c = 0; c < row.length; c++) {
                assertClose(expected[c], row[c], name + " step " + (long) expected[0] + " " + ref.columns.get(c));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lagline_gle", "lagline_le", "mlp_hetero_gle"})
    void finalParametersMatchTheReference(String name) {
        ReferenceCase ref = ReferenceCase.load(name);
        GleSimulation sim = new GleSimulation(ReferenceExperiments.of(ref));
        for (int i = 0; i < ref.rows.size(); i++) sim.step();
        JsonNode fin = ref.setup.get("student_final");
        GleNetwork net = sim.student();
        for (int l = 0; l < net.spec().layerCount(); l++) {
            double[] w = ReferenceCase.matrix(fin.get("W" + l));
            for (int i = 0; i < w.length; i++) assertClose(w[i], net.weights(l)[i], name + " W" + l + "[" + i + "]");
            if (fin.has("b" + l)) {
                double[] b = ReferenceCase.vector(fin.get("b" + l));
                for (int i = 0; i < b.length; i++) assertClose(b[i], net.biases(l)[i], name + " b" + l + "[" + i + "]");
            }
            if (fin.has("tau_m" + l)) {
                double[] t = ReferenceCase.vector(fin.get("tau_m" + l));
                for (int i = 0; i < t.length; i++) assertClose(t[i], net.tauM(l)[i], name + " tau_m" + l + "[" + i + "]");
            }
        }
    }
}
