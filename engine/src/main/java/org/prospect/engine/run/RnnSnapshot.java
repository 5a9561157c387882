package org.prospect.engine.run;

import org.prospect.engine.rnn.RnnSpec;

/**
 * What an RNN run looks like now, for one rule (preallocated; handed over by a
 * {@link org.prospect.engine.trace.TripleBuffer}): one validation-style trial replayed with the rule's current
 * weights — inputs, readout, every unit's rate, the credit each cell type broadcasts — ModProp's filter taps for
 * those weights, and the weights themselves with their change since the start.
 */
public final class RnnSnapshot {
    public final int units;
    public final int steps;
    public final int types;
    /** Number of filter taps, {@code steps − 1}. */
    public final int tapCount;
    /** Cell type of every unit (units are ordered by type). */
    public final int[] cellType;
    /** Inputs of the replayed trial, [steps][2]. */
    public final double[] inputs;
    /** Softmax probability of "match" (class 1) at every step. */
    public final double[] readout;
    /** Rates h, [steps][units]. */
    public final double[] rates;
    /** Σ over the units j of type b of the rule's δ_j(t) (∂E/∂s), [types][steps]. */
    public final double[] credit;
    /** F_k(b, a), [tapCount][types][types] (see ModPropTaps). */
    public final double[] taps;
    /** Recurrent weights W [post][pre]. */
    public final double[] w;
    /** W_ab: W with every (post type, pre type) block replaced by its mean. */
    public final double[] wAb;
    /** W − W at iteration 0. */
    public final double[] dw;

    /** Iterations done when this was taken. */
    public int iteration;
    /** Index of the rule shown. */
    public int rule;
    /** The replayed trial's cue bits, 2·bit1 + bit2. */
    public int pattern;
    /** The replayed trial's label (1: the bits match). */
    public int label;
    /** μ used for the taps. */
    public double mu;
    /** Counts snapshots taken, so a reader can tell a new one. */
    public long serial;

    public RnnSnapshot(RnnSpec spec, int steps) {
        units = spec.units();
        this.steps = steps;
        types = spec.cellTypes();
        tapCount = Math.max(1, steps - 1);
        cellType = spec.cellTypeOfUnits();
        inputs = new double[steps * 2];
        readout = new double[steps];
        rates = new double[steps * units];
        credit = new double[types * steps];
        taps = new double[tapCount * types * types];
        w = new double[units * units];
        wAb = new double[units * units];
        dw = new double[units * units];
    }
}
