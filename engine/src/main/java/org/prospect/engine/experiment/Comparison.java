package org.prospect.engine.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Several learners of one comparison file run in lockstep: one step of the comparison is one step of each,
 * on the same input stream from the same initial state (they share the seed).
 */
public final class Comparison {
    private final List<String> labels = new ArrayList<>();
    private final List<GleSimulation> simulations = new ArrayList<>();

    public Comparison(List<ExperimentFile.Learner> learners) {
        if (learners.isEmpty()) throw new IllegalArgumentException("a comparison needs at least one learner");
        for (ExperimentFile.Learner l : learners) {
            labels.add(l.label());
            simulations.add(new GleSimulation(l.experiment()));
        }
    }

    public void step() {
        for (GleSimulation s : simulations) s.step();
    }

    public int size() { return simulations.size(); }

    public String label(int i) { return labels.get(i); }

    public GleSimulation simulation(int i) { return simulations.get(i); }

    public List<String> labels() { return List.copyOf(labels); }
}
