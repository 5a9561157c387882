package org.prospect.engine.gle;

/** The per-neuron quantities of GLE.md's table that a network exposes after each step. */
public enum Quantity {
    /** {@code u}: membrane potential after the step. */
    SOMATIC_POTENTIAL("u"),
    /** {@code ŭ = u + τ_r u̇}: the phase-advanced potential. */
    PROSPECTIVE_POTENTIAL("prosp_u"),
    /** {@code r = φ(ŭ)}. */
    RATE("r"),
    /** {@code v}: the error unit's potential after the step. */
    ERROR_POTENTIAL("v"),
    /** {@code ĕ = v + τ_m v̇}: GLE's prospective error. */
    PROSPECTIVE_ERROR("prosp_v"),
    /** {@code e_in}: the instantaneous error arriving at the neuron. */
    INSTANTANEOUS_ERROR("inst_e"),
    /** {@code W r + b}: the basal dendritic potential. */
    BASAL_POTENTIAL("basal"),
    /** {@code γ ĕ}: the apical dendritic potential. */
    APICAL_POTENTIAL("apical"),
    /** {@code φ(u)}: the rate the neuron would have without phase advance. */
    INSTANTANEOUS_RATE("rate_of_u");

    private final String column;

    Quantity(String column) { this.column = column; }

    /** The suffix used for this quantity in trace columns, e.g. {@code L0_n1_prosp_u}. */
    public String column() { return column; }
}
