package org.prospect.engine.adjoint;

import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.gle.GleNetwork;
import org.prospect.engine.gle.NetworkSpec;
import org.prospect.engine.task.Signal;
import org.prospect.engine.task.TargetSpec;
import org.prospect.engine.task.Teachers;

/**
 * The exact adjoint of an experiment's student at its initial weights over its first {@code steps} steps
 * (GLE.md, "Exact adjoint"): free forward dynamics from zero state (no error nudging), targets and outputs
 * both the rates after each step, {@code L = Σ_t dt·½‖target_t − r_t‖²}.
 */
public final class AdjointRun {
    private final Trajectory trajectory;
    private final ExactAdjoint adjoint;
    private final GleNetwork student;

    private AdjointRun(Trajectory trajectory, ExactAdjoint adjoint, GleNetwork student) {
        this.trajectory = trajectory;
        this.adjoint = adjoint;
        this.student = student;
    }

    public static AdjointRun compute(GleExperiment e, int steps) {
        if (steps <= 0) throw new IllegalArgumentException("steps must be positive, got " + steps);
        NetworkSpec spec = e.network();
        int batch = e.batch();
        double dt = e.dynamics().dt();
        GleNetwork student = new GleNetwork(spec, e.initialWeights(), e.dynamics(), batch);
        student.setErrorsEnabled(false);
        Signal input = e.input().create(batch, dt, e.seed());
        GleNetwork teacher = null;
        Signal targetSignal = null;
        if (e.target() instanceof TargetSpec.Teacher t) {
            teacher = new GleNetwork(Teachers.spec(spec, t), t.weights(), e.dynamics(), batch);
            teacher.setErrorsEnabled(false);
        } else {
            targetSignal = ((TargetSpec.SignalTarget) e.target()).signal().create(batch, dt, e.seed() + 1);
        }
        Trajectory tr = new Trajectory(spec, batch, steps);
        double[] x = new double[batch * spec.inputs()];
        double[] target = new double[batch * spec.outputs()];
        tr.begin(student);
        for (int t = 0; t < steps; t++) {
            input.sample(t, x);
            student.step(x, null);
            if (teacher != null) {
                teacher.step(x, null);
                System.arraycopy(teacher.output(), 0, target, 0, target.length);
            } else {
                targetSignal.sample(t, target);
            }
            tr.record(x, target, student);
        }
        ExactAdjoint adjoint = new ExactAdjoint(spec, batch, steps);
        adjoint.compute(tr, student, dt);
        return new AdjointRun(tr, adjoint, student);
    }

    public Trajectory trajectory() { return trajectory; }

    public ExactAdjoint adjoint() { return adjoint; }

    public NetworkSpec spec() { return student.spec(); }

    public int steps() { return trajectory.length(); }
}
