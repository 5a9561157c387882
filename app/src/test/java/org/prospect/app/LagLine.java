package org.prospect.app;

import java.util.List;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.gle.Activation;
import org.prospect.engine.gle.Dynamics;
import org.prospect.engine.gle.LayerSpec;
import org.prospect.engine.gle.LearningSpec;
import org.prospect.engine.gle.NetworkSpec;
import org.prospect.engine.gle.Optimizer;
import org.prospect.engine.gle.TargetLoss;
import org.prospect.engine.gle.Weights;
import org.prospect.engine.task.SignalSpec;
import org.prospect.engine.task.TargetSpec;

/** A two-neuron LagLine built in code, so the window tests do not depend on any experiment file. */
public final class LagLine {
    private LagLine() {}

    public static GleExperiment experiment() {
        NetworkSpec spec = new NetworkSpec(1, List.of(
                LayerSpec.uniform(1, Activation.SOFTPLUS, 0.6, 0.1, false),
                LayerSpec.uniform(1, Activation.SOFTPLUS, 1.4, 0.1, false)));
        Weights student = new Weights(new double[][] {{0.5}, {0.5}}, new double[][] {{0}, {0}});
        Weights teacher = new Weights(new double[][] {{1}, {2}}, new double[][] {{0}, {0}});
        return new GleExperiment("LagLine", "test", spec, student,
                new Dynamics(0.01, 1, 1, true, TargetLoss.MSE),
                new LearningSpec(true, LearningSpec.Rule.GLE, Optimizer.Kind.SGD, 1e-3, true, 0.1, 0),
                new SignalSpec.SumOfSines(List.of(List.of(new SignalSpec.Sine(1, 0.3, 0), new SignalSpec.Sine(0.5, 0.71, 0)))),
                new TargetSpec.Teacher(teacher, new double[][] {{1}, {2}}, null), 1, 1, 100, List.of());
    }
}
