package org.prospect.app.network;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.prospect.engine.trace.NeuronId;

/**
 * Which neurons the charts follow (FX thread). Never empty: by default the output neurons; at most
 * {@link #limit()} at once. Listeners hear every change with the new selection.
 */
public final class SelectionModel {
    private final int limit;
    private final List<NeuronId> selected = new ArrayList<>();
    private final List<Consumer<List<NeuronId>>> listeners = new ArrayList<>();

    public SelectionModel(List<NeuronId> initial, int limit) {
        if (initial.isEmpty()) throw new IllegalArgumentException("a selection needs at least one neuron");
        this.limit = limit;
        for (NeuronId n : initial) if (selected.size() < limit && !selected.contains(n)) selected.add(n);
    }

    public int limit() { return limit; }

    /** The selected neurons in the order they were chosen (a copy). */
    public List<NeuronId> selected() { return List.copyOf(selected); }

    public boolean isSelected(NeuronId n) { return selected.contains(n); }

    /** Position of n among the selected (its line style in the charts), or −1. */
    public int slotOf(NeuronId n) { return selected.indexOf(n); }

    /** Selects only {@code n} (a plain click). */
    public void select(NeuronId n) {
        if (selected.size() == 1 && selected.get(0).equals(n)) return;
        selected.clear();
        selected.add(n);
        fire();
    }

    /**
     * Adds {@code n}, or removes it when it is already selected and not the only one (Ctrl+click). When
     * the selection is full, the oldest neuron makes room.
     */
    public void toggle(NeuronId n) {
        if (selected.contains(n)) {
            if (selected.size() == 1) return;
            selected.remove(n);
        } else {
            if (selected.size() == limit) selected.remove(0);
            selected.add(n);
        }
        fire();
    }

    public void addListener(Consumer<List<NeuronId>> listener) { listeners.add(listener); }

    private void fire() {
        List<NeuronId> now = selected();
        for (Consumer<List<NeuronId>> l : listeners) l.accept(now);
    }
}
