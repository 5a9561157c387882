package org.prospect.engine.run;

import java.util.List;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.experiment.SimulationState;

/**
 * How a run got where it is, so that it can be regenerated step by step without having kept its trace: where it
 * started ({@code origin}: null for t = 0 of its experiment, else the state a session was opened with), every
 * {@link Command.Edit} and {@link Command.SetLearning} with the step count at which it was applied, and how many
 * steps the run had taken when the journal was read. Commands run between steps, so an entry at step k acts
 * before step k + 1. Only the primary learner's view: a learner's own settings never hide an edit from it.
 */
public record EditJournal(GleExperiment experiment, SimulationState origin, List<Entry> entries, long steps) {
    /** One edit, applied when the run had taken {@code step} steps. */
    public record Entry(long step, Command command) {
        public Entry {
            if (!(command instanceof Command.Edit || command instanceof Command.SetLearning)) {
                throw new IllegalArgumentException("only edits and learning on/off are journaled: " + command);
            }
        }
    }

    public EditJournal {
        entries = List.copyOf(entries);
    }

    /** A fresh simulation at the journal's origin. */
    public GleSimulation start() {
        GleSimulation sim = new GleSimulation(experiment);
        if (origin != null) sim.restoreState(origin);
        return sim;
    }

    /** The step count the regenerated run starts from (0, or the session's). */
    public long firstStep() { return origin == null ? 0 : origin.step(); }

    /**
     * Applies, in order, the entries made when {@code sim} had taken as many steps as it has now, starting at
     * index {@code next}; returns the index of the first entry not applied.
     */
    public int applyDue(GleSimulation sim, int next) {
        long now = sim.stepCount();
        int i = next;
        while (i < entries.size() && entries.get(i).step() <= now) {
            Command c = entries.get(i).command();
            if (c instanceof Command.Edit e) e.edit().accept(sim);
            else if (c instanceof Command.SetLearning l) sim.setLearningEnabled(l.on());
            i++;
        }
        return i;
    }
}
