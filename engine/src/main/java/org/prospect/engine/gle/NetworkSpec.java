package org.prospect.engine.gle;

import java.util.List;

/** The shape of a layered GLE network: the number of inputs and the layers above them, bottom first. */
public record NetworkSpec(int inputs, List<LayerSpec> layers) {
    public NetworkSpec {
        if (inputs <= 0) throw new IllegalArgumentException("inputs must be positive, got " + inputs);
        if (layers.isEmpty()) throw new IllegalArgumentException("a network needs at least one layer");
        layers = List.copyOf(layers);
    }

    public int layerCount() { return layers.size(); }

    public LayerSpec layer(int l) { return layers.get(l); }

    /** Fan-in of layer {@code l}: the input size for layer 0, the size of layer l−1 above that. */
    public int fanIn(int l) { return l == 0 ? inputs : layers.get(l - 1).size(); }

    public int outputs() { return layers.get(layers.size() - 1).size(); }
}
