package org.prospect.engine.rnn;

/**
 * The four credit-assignment rules of MODPROP.md, each a backward recursion for {@code δ_t ≈ ∂E/∂s_t}
 * ({@code D_t = diag φ'(s_t)}, {@code g_t = ∂E/∂h_t} through the readout only):
 * <pre>
 * BPTT     δ_t = D_t (g_t + (1−α) Wᵀ δ_{t+1}) + α δ_{t+1}
 * EPROP    δ_t = D_t g_t + α δ_{t+1}
 * MDGL     δ_t = D_t (g_t + (1−α) W_abᵀ D_{t+1} g_{t+1}) + α δ_{t+1}
 * MODPROP  δ_t = D_t g_t + (α I + μ (1−α) W_abᵀ) δ_{t+1}
 * </pre>
 */
public enum Rule { BPTT, EPROP, MDGL, MODPROP }
