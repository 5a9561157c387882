package org.prospect.engine.trace;

/** A neuron of the student network: its layer (0 = first layer after the input) and index in the layer. */
public record NeuronId(int layer, int index) {
    public NeuronId {
        if (layer < 0 || index < 0) throw new IllegalArgumentException("layer and index must be ≥ 0");
    }

    /** Short label as used in trace columns and legends, e.g. {@code L1 n0}. */
    public String label() { return "L" + layer + " n" + index; }

    @Override
    public String toString() { return label(); }
}
