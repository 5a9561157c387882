package org.prospect.engine.rnn;

/**
 * How the network's weights are initialised and constrained. {@link #PAPER} is MODPROP.md as written;
 * {@link #PUBLIC_CODE} reproduces what the public ModProp code does where it differs from that text, so that the
 * two can be compared by measurement (MODPROP.md's open question).
 */
public enum Wiring {
    /**
     * MODPROP.md: input channels excitatory (input weights ≥ 0), self-connections allowed, output weights
     * |N(0,1)|/√N signed by the presynaptic unit.
     */
    PAPER("paper"),
    /**
     * The public code's delayed-XOR network: input weights N(0,1)·√(2/inputs) of either sign and never clipped
     * (with two inputs it skips its Dale's-law sampler), no self-connections (the recurrent diagonal is held at
     * zero), and output weights taken from a second balanced, spectral-radius-1 matrix like the recurrent one.
     */
    PUBLIC_CODE("public-code");

    private final String key;

    Wiring(String key) { this.key = key; }

    /** The name used in experiment files. */
    public String key() { return key; }

    /** The wiring named {@code key} in an experiment file, or null. */
    public static Wiring of(String key) {
        for (Wiring w : values()) if (w.key.equals(key)) return w;
        return null;
    }
}
