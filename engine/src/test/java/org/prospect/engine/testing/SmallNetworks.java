package org.prospect.engine.testing;

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

/** A small teacher–student network (2 → 3 tanh → 1 linear, batch 2) built in code for dashboard tests. */
public final class SmallNetworks {
    private SmallNetworks() {}

    public static NetworkSpec spec() {
        return new NetworkSpec(2, List.of(
                new LayerSpec(3, Activation.TANH, new double[] {0.3, 0.7, 1.2}, new double[] {0.1, 0.3, 0.2}, true),
                new LayerSpec(1, Activation.LINEAR, new double[] {0.5}, new double[] {0.2}, true)));
    }

    /**
     * @param gamma   nudging strength (0: the student's trajectory is the free one BPTT differentiates)
     * @param learning whether GLE plasticity is on
     */
    public static GleExperiment teacherStudent(double gamma, boolean learning) {
        Weights student = new Weights(new double[][] {{0.4, -0.3, 0.2, 0.5, -0.6, 0.1}, {0.3, -0.5, 0.4}},
                new double[][] {{0.1, -0.1, 0.05}, {0.02}});
        Weights teacher = new Weights(new double[][] {{0.8, -0.2, -0.4, 0.6, 0.3, 0.9}, {0.7, 0.4, -0.6}},
                new double[][] {{0.0, 0.1, -0.2}, {0.1}});
        SignalSpec input = new SignalSpec.SumOfSines(List.of(
                List.of(new SignalSpec.Sine(1, 0.3, 0), new SignalSpec.Sine(0.5, 0.71, 0.4)),
                List.of(new SignalSpec.Sine(0.8, 0.47, 1.0))));
        return new GleExperiment("small", "dashboard tests", spec(), student,
                new Dynamics(0.01, gamma, 0.5, true, TargetLoss.MSE),
                new LearningSpec(learning, LearningSpec.Rule.GLE, Optimizer.Kind.SGD, 1e-2, false, 0.1, 0),
                input, new TargetSpec.Teacher(teacher, null, null), 2, 3, 10, List.of());
    }
}
