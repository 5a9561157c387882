package org.prospect.app.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdjointCoverageTest {
    private final Object adjoint = new Object();

    @Test
    void theShareIsTakenOverTheWindowsSinceTheLastReading() {
        AdjointCoverage coverage = new AdjointCoverage();
        coverage.update(adjoint, 100, 50);
        assertEquals(0.25, coverage.update(adjoint, 110, 80), 1e-12);
    }

    @Test
    void aFirstReadingHasNothingToCompareWith() {
        assertTrue(Double.isNaN(new AdjointCoverage().update(adjoint, 100, 50)));
    }

    @Test
    void noWindowCompletedSinceTheLastReadingIsNotAShare() {
        AdjointCoverage coverage = new AdjointCoverage();
        coverage.update(adjoint, 7, 3);
        assertTrue(Double.isNaN(coverage.update(adjoint, 7, 3)));
    }

    @Test
    void aNewAdjointAfterAResetStartsAfresh() {
        AdjointCoverage coverage = new AdjointCoverage();
        coverage.update(adjoint, 500, 400);
        assertTrue(Double.isNaN(coverage.update(new Object(), 2, 0)));
    }
}
