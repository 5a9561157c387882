package org.prospect.engine.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RnnWeightsTest {
    @Test
    void initialRecurrentWeightsHaveSpectralRadiusOne() {
        RnnWeights w = RnnWeights.initial(RnnSpec.paper(3));
        assertEquals(1.0, RnnWeights.spectralRadius(w.w, 120), 1e-9);
    }

    @Test
    void everyUnitsRecurrentInputIsZeroMean() {
        // E and I balance row by row, so a uniform rate drives no unit at all.
        RnnWeights w = RnnWeights.initial(RnnSpec.paper(4));
        for (int i = 0; i < 120; i++) {
            double sum = 0;
            double abs = 0;
            for (int j = 0; j < 120; j++) {
                sum += w.w[i * 120 + j];
                abs += Math.abs(w.w[i * 120 + j]);
            }
            assertEquals(0.0, sum, 1e-12 * abs, "row " + i);
        }
    }

    @Test
    void initialWeightsObeyDalesLawWithNoZeroRecurrentWeights() {
        RnnWeights w = RnnWeights.initial(RnnSpec.paper(5));
        assertTrue(w.obeysDale());
        for (int i = 0; i < 120; i++) {
            for (int j = 0; j < 120; j++) {
                double v = w.w[i * 120 + j];
                assertTrue(j < 96 ? v > 0 : v < 0, "w[" + i + "][" + j + "] = " + v);
            }
        }
        for (int j = 0; j < 120; j++) assertTrue(w.wOut[j] * w.sign(j) > 0);
    }

    @Test
    void initialisationIsDeterministicGivenTheSeed() {
        RnnWeights a = RnnWeights.initial(RnnSpec.paper(7));
        RnnWeights b = RnnWeights.initial(RnnSpec.paper(7));
        assertArrayEquals(a.w, b.w);
        assertArrayEquals(a.wIn, b.wIn);
        assertArrayEquals(a.wOut, b.wOut);
        assertFalse(java.util.Arrays.equals(a.w, RnnWeights.initial(RnnSpec.paper(8)).w));
    }

    @Test
    void daleClippingZeroesWeightsWhoseSignFlippedAndKeepsTheRest() {
        RnnSpec spec = RnnTesting.small(1);
        RnnWeights w = RnnWeights.initial(spec);
        double keptE = w.w[0];
        w.w[1] = -0.3;              // pre 1 is E: flipped
        w.w[7] = 0.2;               // pre 7 is I: flipped
        w.wIn[0] = -1;              // inputs are excitatory
        w.wOut[7] = 0.5;            // readout from an I unit
        assertFalse(w.obeysDale());
        w.applyDale();
        assertTrue(w.obeysDale());
        assertEquals(keptE, w.w[0]);
        assertEquals(0.0, w.w[1]);
        assertEquals(0.0, w.w[7]);
        assertEquals(0.0, w.wIn[0]);
        assertEquals(0.0, w.wOut[7]);
    }

    @Test
    void typeAveragedWeightsAreTheBlockMeans() {
        RnnSpec spec = RnnTesting.small(2);
        RnnWeights w = RnnWeights.initial(spec);
        double[] wab = w.typeAveraged();
        // Block (post E, pre I): rows 0..5, columns 6..7.
        double sum = 0;
        for (int i = 0; i < 6; i++) for (int j = 6; j < 8; j++) sum += w.w[i * 8 + j];
        assertEquals(sum / 12, wab[3 * 8 + 7], 1e-15);
        assertEquals(sum / 12, w.blockMeans()[1], 1e-15);
    }

    @Test
    void cellTypesAreContiguousBlocksEFirst() {
        // 10 units, 80 % E: 8 E split into 2 types of 4, 2 I in one type.
        RnnSpec spec = new RnnSpec(10, 1, 1, 1, 10, 0.8, 3, 0);
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1, 2, 2}, spec.cellTypeOfUnits());
        assertTrue(spec.excitatoryType(1));
        assertFalse(spec.excitatoryType(2));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 1}, spec.withCellTypes(2).cellTypeOfUnits());
    }

    @Test
    void publicCodeWiringHasNoSelfConnectionsAndKeepsThemAtZero() {
        RnnWeights w = RnnWeights.initial(RnnSpec.paper(6).withWiring(Wiring.PUBLIC_CODE));
        for (int i = 0; i < 120; i++) assertEquals(0.0, w.w[i * 120 + i], "w[" + i + "][" + i + "]");
        for (int k = 0; k < w.w.length; k++) w.w[k] += 0.5; // an update that pushes every weight up
        w.applyDale();
        for (int i = 0; i < 120; i++) assertEquals(0.0, w.w[i * 120 + i], "w[" + i + "][" + i + "] after update");
        assertTrue(w.obeysDale());
    }

    @Test
    void publicCodeInputWeightsTakeBothSignsAndAreNotClipped() {
        RnnWeights w = RnnWeights.initial(RnnSpec.paper(7).withWiring(Wiring.PUBLIC_CODE));
        long negative = java.util.Arrays.stream(w.wIn).filter(v -> v < 0).count();
        assertTrue(negative > 60 && negative < 180, negative + " of 240 input weights negative");
        double[] before = w.wIn.clone();
        w.applyDale();
        assertArrayEquals(before, w.wIn, "inputs are not Dale-constrained in the public code");
        assertTrue(w.obeysDale());
    }

    @Test
    void publicCodeReadoutRowsAreDaleSignedAndBalanced() {
        // The public code reads out through columns of a second balanced matrix: signed by the presynaptic unit
        // and summing to zero over the units.
        RnnWeights w = RnnWeights.initial(RnnSpec.paper(8).withWiring(Wiring.PUBLIC_CODE));
        for (int o = 0; o < 2; o++) {
            double sum = 0;
            double abs = 0;
            for (int j = 0; j < 120; j++) {
                double v = w.wOut[o * 120 + j];
                assertTrue(j < 96 ? v > 0 : v < 0, "wOut[" + o + "][" + j + "] = " + v);
                sum += v;
                abs += Math.abs(v);
            }
            assertEquals(0.0, sum, 1e-12 * abs, "readout " + o);
        }
    }

    @Test
    void paperWiringIsTheDefaultAndKeepsInputsExcitatory() {
        RnnSpec spec = RnnSpec.paper(9);
        assertEquals(Wiring.PAPER, spec.wiring());
        RnnWeights w = RnnWeights.initial(spec);
        w.wIn[0] = -1;
        w.applyDale();
        assertEquals(0.0, w.wIn[0]);
    }
}
