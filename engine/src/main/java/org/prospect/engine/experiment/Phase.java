package org.prospect.engine.experiment;

/**
 * A stretch of a run: how long it lasts, whether plasticity is on, and whether the student's τ_m are
 * held at the teacher's meanwhile (the settling phase of the paper's LagLine run).
 */
public record Phase(double duration, boolean learning, boolean teacherTauM) {
    public Phase {
        if (!(duration > 0)) throw new IllegalArgumentException("phase duration must be positive");
    }
}
