package org.prospect.engine.gle;

/**
 * How a GLE network learns: which rule, which optimizer and rate, whether the τ_m learn too and the
 * clamp they are held above. For truncated BPTT, {@code bpttWindow} is the window in time units.
 */
public record LearningSpec(boolean enabled, Rule rule, Optimizer.Kind optimizer, double rate, boolean learnTauM,
                           double tauMin, double bpttWindow) {
    /** The learning rule. */
    public enum Rule {
        /** GLE's local plasticity: ∂W = −ĕ⊗r, every step. */
        GLE,
        /** Exact gradients by BPTT over consecutive windows, one update per window: the paper's baseline. */
        TRUNCATED_BPTT
    }

    public LearningSpec {
        if (!(rate >= 0) || !Double.isFinite(rate)) throw new IllegalArgumentException("rate must be ≥ 0");
    }

    public LearningSpec withEnabled(boolean on) {
        return new LearningSpec(on, rule, optimizer, rate, learnTauM, tauMin, bpttWindow);
    }

    public LearningSpec withRate(double eta) {
        return new LearningSpec(enabled, rule, optimizer, eta, learnTauM, tauMin, bpttWindow);
    }
}
