package org.prospect.engine.adjoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.gle.Activation;
import org.prospect.engine.gle.Dynamics;
import org.prospect.engine.gle.GleNetwork;
import org.prospect.engine.gle.LayerSpec;
import org.prospect.engine.gle.LearningSpec;
import org.prospect.engine.gle.NetworkSpec;
import org.prospect.engine.gle.Optimizer;
import org.prospect.engine.gle.TargetLoss;
import org.prospect.engine.gle.Weights;
import org.prospect.engine.task.Signal;
import org.prospect.engine.task.SignalSpec;
import org.prospect.engine.task.TargetSpec;

/**
 * ∂L/∂s per step, the exact error the dashboard shows next to ĕ: it is the gradient with respect to the basal
 * input at one step (finite differences of a bias switched on for that step alone), it reproduces the tested
 * ∂L/∂W and ∂L/∂b when summed over the window, and for a τ_r = τ_m output neuron it is the backpropagated
 * output error while λ = ∂L/∂u is exactly 0.
 */
class BasalGradientTest {
    static final int STEPS = FiniteDifferenceTest.STEPS;
    static final double H = 1e-6;

    final GleExperiment experiment = FiniteDifferenceTest.randomExperiment(TargetLoss.MSE);
    final AdjointRun run = AdjointRun.compute(experiment, STEPS);

    /** L with {@code h} added to the bias of neuron i of layer l during step {@code at} only, i.e. to s_{l,at}. */
    static double lossWithBasalKick(GleExperiment e, int layer, int neuron, int at, double h) {
        GleNetwork student = new GleNetwork(e.network(), e.initialWeights(), e.dynamics(), e.batch());
        GleNetwork teacher = new GleNetwork(e.network(), ((TargetSpec.Teacher) e.target()).weights(), e.dynamics(), e.batch());
        student.setErrorsEnabled(false);
        teacher.setErrorsEnabled(false);
        Signal input = e.input().create(e.batch(), e.dynamics().dt(), e.seed());
        double[] x = new double[e.batch() * e.network().inputs()];
        double sum = 0;
        for (int t = 0; t < STEPS; t++) {
            input.sample(t, x);
            if (t == at) student.biases(layer)[neuron] += h;
            student.step(x, null);
            if (t == at) student.biases(layer)[neuron] -= h;
            teacher.step(x, null);
            for (int k = 0; k < student.output().length; k++) {
                double d = teacher.output()[k] - student.output()[k];
                sum += e.dynamics().dt() * 0.5 * d * d;
            }
        }
        return sum / e.batch();
    }

    @Test
    void basalGradientEqualsCentralDifferencesOfAOneStepBiasKick() {
        NetworkSpec spec = experiment.network();
        int batch = experiment.batch();
        for (int t : new int[] {0, 17, 40, STEPS - 2, STEPS - 1}) {
            for (int l = 0; l < spec.layerCount(); l++) {
                int n = spec.layer(l).size();
                for (int i = 0; i < n; i++) {
                    double numeric = (lossWithBasalKick(experiment, l, i, t, H)
                            - lossWithBasalKick(experiment, l, i, t, -H)) / (2 * H);
                    // The kick moves s of every sample of the batch.
                    double analytic = 0;
                    for (int s = 0; s < batch; s++) analytic += run.adjoint().basalGradient(t, l)[s * n + i];
                    FiniteDifferenceTest.assertGradient(numeric, analytic, "dL/ds step " + t + " layer " + l + " [" + i + "]");
                }
            }
        }
    }

    @Test
    void summedOverTheWindowItGivesTheWeightAndBiasGradients() {
        NetworkSpec spec = experiment.network();
        Trajectory tr = run.trajectory();
        int batch = experiment.batch();
        for (int l = 0; l < spec.layerCount(); l++) {
            int n = spec.layer(l).size();
            int in = spec.fanIn(l);
            double[] gw = new double[n * in];
            double[] gb = new double[n];
            for (int t = 0; t < STEPS; t++) {
                double[] gs = run.adjoint().basalGradient(t, l);
                double[] pre = l == 0 ? tr.x[t] : (t > 0 ? tr.rate[t - 1][l - 1] : tr.rateBefore[l - 1]);
                for (int s = 0; s < batch; s++) {
                    for (int i = 0; i < n; i++) {
                        gb[i] += gs[s * n + i];
                        for (int j = 0; j < in; j++) gw[i * in + j] += gs[s * n + i] * pre[s * in + j];
                    }
                }
            }
            for (int k = 0; k < gw.length; k++) assertEquals(run.adjoint().weightGradient(l)[k], gw[k], 1e-15, "W" + l);
            for (int i = 0; i < n; i++) assertEquals(run.adjoint().biasGradient(l)[i], gb[i], 1e-15, "b" + l);
        }
    }

    @Test
    void forAnOutputWithEqualTimeConstantsItIsTheOutputErrorAndLambdaIsZero() {
        // Output τ_r = τ_m (LE neuron): ŭ_t = s_t, so u_{t−1} has no influence on r_t and λ vanishes.
        NetworkSpec spec = new NetworkSpec(1, List.of(
                new LayerSpec(2, Activation.TANH, new double[] {1, 1}, new double[] {1, 0.1}, true),
                new LayerSpec(1, Activation.SOFTPLUS, new double[] {0.5}, new double[] {0.5}, false)));
        Weights student = new Weights(new double[][] {{0.7, -0.4}, {0.3, 0.9}}, new double[][] {{0.1, -0.2}, {0}});
        Weights teacher = new Weights(new double[][] {{1.0, 0.5}, {-0.6, 1.2}}, new double[][] {{0.0, 0.3}, {0}});
        double dt = 0.01;
        GleExperiment e = new GleExperiment("le", "LE output", spec, student, new Dynamics(dt, 0, 1, true, TargetLoss.MSE),
                new LearningSpec(false, LearningSpec.Rule.GLE, Optimizer.Kind.SGD, 0, false, 0.1, 0),
                new SignalSpec.OrnsteinUhlenbeck(1, 1.0, 0.2, 1.5), new TargetSpec.Teacher(teacher, null, null),
                3, 5, 200 * dt, List.of());
        AdjointRun le = AdjointRun.compute(e, 200);
        Trajectory tr = le.trajectory();
        int top = 1;
        int batch = e.batch();
        boolean someCredit = false;
        for (int t = 0; t < 200; t++) {
            double[] r = tr.rate[t][top];
            double[] rp = tr.rateDerivative[t][top];
            for (int s = 0; s < batch; s++) {
                assertEquals(0.0, le.adjoint().lambda(t, top)[s], 0.0, "λ step " + t);
                // L = Σ_t dt·½‖target − r‖² averaged over the batch: ∂L/∂s_t = dt/batch·(r_t − target_t)·φ'(ŭ_t).
                double expected = dt / batch * (r[s] - tr.target[t][s]) * rp[s];
                assertEquals(expected, le.adjoint().basalGradient(t, top)[s], 1e-17, "dL/ds step " + t);
                someCredit |= Math.abs(expected) > 1e-6;
            }
        }
        assertEquals(true, someCredit, "the output error is not trivially zero");
    }
}
