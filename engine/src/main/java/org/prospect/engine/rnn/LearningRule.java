package org.prospect.engine.rnn;

/**
 * A {@link Rule} with its settings: {@code mu} is ModProp's constant activation derivative (ignored by the
 * other rules); {@code cellSpecific} makes MDGL and ModProp use the true {@code W} instead of the type-averaged
 * {@code W_ab} (ignored by BPTT and e-prop).
 */
public record LearningRule(Rule rule, double mu, boolean cellSpecific) {
    /** The paper's μ. */
    public static final double PAPER_MU = 0.25;

    public LearningRule {
        if (!Double.isFinite(mu)) throw new IllegalArgumentException("mu must be finite");
        if (rule == Rule.BPTT || rule == Rule.EPROP) cellSpecific = false;
        if (rule != Rule.MODPROP) mu = 0;
    }

    public static LearningRule bptt() { return new LearningRule(Rule.BPTT, 0, false); }

    public static LearningRule eprop() { return new LearningRule(Rule.EPROP, 0, false); }

    public static LearningRule mdgl() { return new LearningRule(Rule.MDGL, 0, false); }

    public static LearningRule mdglCellSpecific() { return new LearningRule(Rule.MDGL, 0, true); }

    public static LearningRule modProp(double mu) { return new LearningRule(Rule.MODPROP, mu, false); }

    public static LearningRule modPropCellSpecific(double mu) { return new LearningRule(Rule.MODPROP, mu, true); }

    /** Whether the rule's recursion uses the type-averaged {@code W_ab}. */
    public boolean typeAveraged() { return (rule == Rule.MDGL || rule == Rule.MODPROP) && !cellSpecific; }

    /** A short name for tables and plots, e.g. {@code ModProp (W_ab, μ=0.25)}. */
    public String label() {
        return switch (rule) {
            case BPTT -> "BPTT";
            case EPROP -> "e-prop";
            case MDGL -> cellSpecific ? "MDGL (W)" : "MDGL";
            case MODPROP -> "ModProp (" + (cellSpecific ? "W" : "W_ab") + ", μ=" + mu + ")";
        };
    }
}
