package org.prospect.engine.experiment;

import java.util.List;
import org.prospect.engine.gle.Dynamics;
import org.prospect.engine.gle.LearningSpec;
import org.prospect.engine.gle.NetworkSpec;
import org.prospect.engine.gle.Weights;
import org.prospect.engine.task.SignalSpec;
import org.prospect.engine.task.TargetSpec;

/**
 * A fully resolved GLE experiment: everything random in the file has been drawn with the seed, so two
 * simulations of the same experiment are identical step for step.
 *
 * @param duration the run's length in time units (the sum of the phases when phases are given)
 * @param phases   stretches with learning on/off; empty means "learning as the learning spec says throughout"
 */
public record GleExperiment(String name, String description, NetworkSpec network, Weights initialWeights,
                            Dynamics dynamics, LearningSpec learning, SignalSpec input, TargetSpec target,
                            int batch, long seed, double duration, List<Phase> phases) implements Experiment {
    public GleExperiment {
        phases = List.copyOf(phases);
        if (batch <= 0) throw new IllegalArgumentException("batch must be positive");
    }

    /** Number of steps in {@code duration}, rounded to the nearest step. */
    public long steps() {
        return Math.round(duration / dynamics.dt());
    }
}
