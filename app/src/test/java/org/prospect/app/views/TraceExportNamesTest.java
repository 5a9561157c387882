package org.prospect.app.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The errors chart's BPTT lines export under names that say what they are. */
class TraceExportNamesTest {
    @Test
    void exactErrorAndLambdaColumnsAreNamedPlainly() {
        assertEquals("exact_error_L1_n0", TraceExport.identifier("ε L1 n0"));
        assertEquals("minus_lambda_L1_n0", TraceExport.identifier("−λ L1 n0"));
        assertEquals("e_prosp_L1_n0", TraceExport.identifier("ĕ L1 n0"));
    }
}
