package org.prospect.engine.rnn;

/**
 * The shape of a rate RNN with Dale's law (MODPROP.md, "Network"): {@code units} ReLU units, a fraction
 * {@code excitatoryFraction} of them excitatory, leak {@code α = exp(−dt/τ)}, {@code inputs} excitatory input
 * channels and {@code outputs} linear readouts (logits).
 *
 * <p>Cell types: units are ordered E first, then I ({@code round(excitatoryFraction·units)} E units). The
 * {@code cellTypes} types are contiguous blocks: the first {@code ⌈cellTypes/2⌉} split the E units, the remaining
 * {@code ⌊cellTypes/2⌋} split the I units, each population into blocks of (nearly) equal size. With
 * {@code cellTypes = 2} (the paper) that is simply type 0 = E, type 1 = I.
 *
 * <p>{@code wiring} chooses between MODPROP.md's initialisation and the public code's (see {@link Wiring}).
 */
public record RnnSpec(int units, int inputs, int outputs, double dt, double tau, double excitatoryFraction,
                      int cellTypes, long seed, Wiring wiring) {
    /** MODPROP.md's wiring. */
    public RnnSpec(int units, int inputs, int outputs, double dt, double tau, double excitatoryFraction,
                   int cellTypes, long seed) {
        this(units, inputs, outputs, dt, tau, excitatoryFraction, cellTypes, seed, Wiring.PAPER);
    }

    public RnnSpec {
        if (wiring == null) throw new IllegalArgumentException("wiring must be given");
        if (units < 2) throw new IllegalArgumentException("need at least 2 units, got " + units);
        if (inputs <= 0) throw new IllegalArgumentException("inputs must be positive, got " + inputs);
        if (outputs <= 0) throw new IllegalArgumentException("outputs must be positive, got " + outputs);
        if (!(dt > 0) || !(tau > 0)) throw new IllegalArgumentException("dt and tau must be positive");
        if (!(excitatoryFraction > 0 && excitatoryFraction < 1)) {
            throw new IllegalArgumentException("excitatoryFraction must lie in (0, 1), got " + excitatoryFraction);
        }
        if (cellTypes < 2) throw new IllegalArgumentException("need at least one E and one I type, got " + cellTypes);
        int e = (int) Math.round(excitatoryFraction * units);
        int eTypes = (cellTypes + 1) / 2;
        if (e < eTypes || units - e < cellTypes - eTypes) {
            throw new IllegalArgumentException(e + " E and " + (units - e) + " I units cannot hold " + cellTypes
                    + " cell types");
        }
    }

    /** The paper's network: 120 units, 2 inputs, 2 logits, dt = 1 ms, τ = 100 ms, 80 % E, types E and I. */
    public static RnnSpec paper(long seed) {
        return new RnnSpec(120, 2, 2, 1.0, 100.0, 0.8, 2, seed);
    }

    public RnnSpec withUnits(int n) {
        return new RnnSpec(n, inputs, outputs, dt, tau, excitatoryFraction, cellTypes, seed, wiring);
    }

    public RnnSpec withSeed(long s) {
        return new RnnSpec(units, inputs, outputs, dt, tau, excitatoryFraction, cellTypes, s, wiring);
    }

    public RnnSpec withCellTypes(int types) {
        return new RnnSpec(units, inputs, outputs, dt, tau, excitatoryFraction, types, seed, wiring);
    }

    public RnnSpec withWiring(Wiring w) {
        return new RnnSpec(units, inputs, outputs, dt, tau, excitatoryFraction, cellTypes, seed, w);
    }

    /** Leak per step, {@code α = exp(−dt/τ)}. */
    public double alpha() { return Math.exp(-dt / tau); }

    public int excitatoryUnits() { return (int) Math.round(excitatoryFraction * units); }

    public int excitatoryTypes() { return (cellTypes + 1) / 2; }

    /** Whether type {@code a} is excitatory (E types come first). */
    public boolean excitatoryType(int a) { return a < excitatoryTypes(); }

    /** The cell type of every unit (E blocks first, then I blocks), a fresh array. */
    public int[] cellTypeOfUnits() {
        int e = excitatoryUnits();
        int i = units - e;
        int eTypes = excitatoryTypes();
        int iTypes = cellTypes - eTypes;
        int[] type = new int[units];
        for (int u = 0; u < e; u++) type[u] = (int) ((long) u * eTypes / e);
        for (int u = 0; u < i; u++) type[e + u] = eTypes + (int) ((long) u * iTypes / i);
        return type;
    }

    /** Number of units of each type, a fresh array. */
    public int[] typeSizes() {
        int[] size = new int[cellTypes];
        for (int t : cellTypeOfUnits()) size[t]++;
        return size;
    }
}
