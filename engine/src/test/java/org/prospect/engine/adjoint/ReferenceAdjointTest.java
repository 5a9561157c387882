package org.prospect.engine.adjoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prospect.engine.testing.ReferenceCase;
import org.prospect.engine.testing.ReferenceExperiments;

/** The exact adjoint reproduces the reference's {@code mlp_bptt_adjoint} case: λ per step, loss, ∂L/∂W, ∂L/∂b. */
class ReferenceAdjointTest {
    static ReferenceCase ref;
    static AdjointRun run;

    @BeforeAll
    static void computeOnce() {
        ref = ReferenceCase.load("mlp_bptt_adjoint");
        int steps = ref.setup.get("T_steps").asInt();
        run = AdjointRun.compute(ReferenceExperiments.of(ReferenceCase.load("mlp_hetero_gle")), steps);
    }

    static void assertClose(double expected, double actual, String what) {
        double bound = 1e-9 * Math.max(1e-3, Math.abs(expected));
        if (!(Math.abs(actual - expected) <= bound)) {
            fail(what + ": reference " + expected + ", engine " + actual);
        }
    }

    @Test
    void lambdaTargetAndOutputMatchAtEveryStep() {
        assertEquals(ref.rows.size(), run.steps());
        int outputs = run.spec().outputs();
        for (double[] row : ref.rows) {
            int t = (int) row[0];
            for (int k = 0; k < outputs; k++) {
                assertClose(row[ref.columns.indexOf("target" + k)], run.trajectory().target(t)[k], "step " + t + " target" + k);
                assertClose(row[ref.columns.indexOf("out" + k)], run.trajectory().output(t)[k], "step " + t + " out" + k);
            }
            for (int l = 0; l < run.spec().layerCount(); l++) {
                for (int j = 0; j < run.spec().layer(l).size(); j++) {
                    String col = "L" + l + "_n" + j + "_lambda";
                    assertClose(row[ref.columns.indexOf(col)], run.adjoint().lambda(t, l)[j], "step " + t + " " + col);
                }
            }
        }
    }

    @Test
    void lossMatches() {
        assertClose(ref.setup.get("loss").asDouble(), run.adjoint().loss(), "loss");
    }

    @Test
    void weightAndBiasGradientsMatch() {
        JsonNode dw = ref.setup.get("dL_dW");
        JsonNode db = ref.setup.get("dL_db");
        for (int l = 0; l < run.spec().layerCount(); l++) {
            double[] w = ReferenceCase.matrix(dw.get("W" + l));
            for (int i = 0; i < w.length; i++) assertClose(w[i], run.adjoint().weightGradient(l)[i], "dL/dW" + l + "[" + i + "]");
            double[] b = ReferenceCase.vector(db.get("b" + l));
            for (int i = 0; i < b.length; i++) assertClose(b[i], run.adjoint().biasGradient(l)[i], "dL/db" + l + "[" + i + "]");
        }
    }
}
