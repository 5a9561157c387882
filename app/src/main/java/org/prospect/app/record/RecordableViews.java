package org.prospect.app.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.prospect.engine.experiment.GleSimulation;

/**
 * The views one can record or snapshot, by name: "dashboard" (what the window's centre shows), "network"
 * (the network drawing) and one name per chart. Each name maps to a factory that builds a fresh copy of
 * the view bound to a given simulation, so it can be rendered offscreen at any size while the window
 * keeps its own.
 *
 * <p>"dashboard" is the window's live dashboard, "network" its network view alone, and "signals",
 * "potentials", "phase", "errors", "weights", "loss" its charts one by one (all {@link DashboardView}s);
 * "signal" is the older single signal chart.
 */
public final class RecordableViews {
    public static final String DASHBOARD = "dashboard";
    public static final String NETWORK = "network";
    public static final String SIGNAL = "signal";

    /** Builds a view on the FX thread. */
    @FunctionalInterface
    public interface Factory {
        RecordableView create(GleSimulation simulation);
    }

    private final Map<String, Factory> factories = new LinkedHashMap<>();

    /** The views of this build. */
    public static RecordableViews standard() {
        RecordableViews views = new RecordableViews();
        DashboardView.registerAll(views);
        views.register(SIGNAL, SignalChartView::new);
        return views;
    }

    public RecordableViews register(String name, Factory factory) {
        factories.put(name, factory);
        return this;
    }

    public Set<String> names() { return Collections.unmodifiableSet(factories.keySet()); }

    public boolean contains(String name) { return factories.containsKey(name); }

    /** Throws IllegalArgumentException naming the known views when {@code name} is not one of them. */
    public void check(String name) {
        if (contains(name)) return;
        String known = String.join(", ", factories.keySet());
        if (NETWORK.equals(name)) {
            throw new IllegalArgumentException("view 'network' is not in this build yet; available: " + known);
        }
        throw new IllegalArgumentException("unknown view '" + name + "'; available: " + known);
    }

    /** A fresh view bound to {@code simulation}; call on the FX thread. */
    public RecordableView create(String name, GleSimulation simulation) {
        check(name);
        return factories.get(name).create(simulation);
    }
}
