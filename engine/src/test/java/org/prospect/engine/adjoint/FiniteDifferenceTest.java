package org.prospect.engine.adjoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.gle.Activation;
import org.prospect.engine.gle.Dynamics;
import org.prospect.engine.gle.GleNetwork;
import org.prospect.engine.gle.LayerSpec;
import org.prospect.engine.gle.LearningSpec;
import org.prospect.engine.gle.NetworkSpec;
import org.prospect.engine.gle.Optimizer;
import org.prospect.engine.gle.Quantity;
import org.prospect.engine.gle.TargetLoss;
import org.prospect.engine.gle.Weights;
import org.prospect.engine.task.Signal;
import org.prospect.engine.task.SignalSpec;
import org.prospect.engine.task.TargetSpec;

/**
 * The adjoint and its gradients equal central finite differences of the loss, computed by an independent
 * forward loop, on a small random network with heterogeneous time constants and a batch of two.
 */
class FiniteDifferenceTest {
    static final int STEPS = 80;
    static final double H = 1e-6;

    final GleExperiment experiment = randomExperiment(TargetLoss.MSE);
    final AdjointRun run = AdjointRun.compute(experiment, STEPS);

    static GleExperiment randomExperiment(TargetLoss loss) {
        SplittableRandom random = new SplittableRandom(42);
        NetworkSpec spec = new NetworkSpec(2, List.of(
                new LayerSpec(3, Activation.TANH, new double[] {0.2, 0.5, 1.1}, new double[] {0.05, 0.3, 0.1}, true),
                new LayerSpec(2, Activation.SOFTPLUS, new double[] {0.3, 0.7}, new double[] {0.2, 0.04}, true),
                new LayerSpec(2, Activation.LINEAR, new double[] {0.1, 0.4}, new double[] {0.1, 0.1}, true)));
        return new GleExperiment("fd", "finite differences", spec, randomWeights(spec, random),
                new Dynamics(0.02, 0, 1, true, loss),
                new LearningSpec(false, LearningSpec.Rule.GLE, Optimizer.Kind.SGD, 0, false, 0.2, 0),
                new SignalSpec.OrnsteinUhlenbeck(2, 1.0, 0.2, 1.5),
                new TargetSpec.Teacher(randomWeights(spec, random), null, null), 2, 7, STEPS * 0.02, List.of());
    }

    static Weights randomWeights(NetworkSpec spec, SplittableRandom random) {
        Weights z = Weights.zeros(spec);
        double[][] w = z.weights();
        double[][] b = z.biases();
        for (double[][] a : new double[][][] {w, b}) {
            for (double[] row : a) for (int i = 0; i < row.length; i++) row[i] = random.nextDouble(-1, 1);
        }
        return new Weights(w, b);
    }

    /** L for the given weights, with {@code h} added to u of (layer, flat index) right after step {@code at}. */
    static double loss(GleExperiment e, Weights weights, double[][] tauM, int layer, int index, int at, double h) {
        NetworkSpec spec = e.network();
        if (tauM != null) {
            List<LayerSpec> layers = new java.util.ArrayList<>();
            for (int l = 0; l < spec.layerCount(); l++) {
                LayerSpec s = spec.layer(l);
                layers.add(new LayerSpec(s.size(), s.activation(), tauM[l], s.tauR(), s.bias()));
            }
            spec = new NetworkSpec(spec.inputs(), layers);
        }
        GleNetwork student = new GleNetwork(spec, weights, e.dynamics(), e.batch());
        GleNetwork teacher = new GleNetwork(e.network(), ((TargetSpec.Teacher) e.target()).weights(), e.dynamics(), e.batch());
        student.setErrorsEnabled(false);
        teacher.setErrorsEnabled(false);
        Signal input = e.input().create(e.batch(), e.dynamics().dt(), e.seed());
        double[] x = new double[e.batch() * spec.inputs()];
        double sum = 0;
        for (int t = 0; t < STEPS; t++) {
            input.sample(t, x);
            student.step(x, null);
            teacher.step(x, null);
            if (t == at) student.state(Quantity.SOMATIC_POTENTIAL, layer)[index] += h;
            for (int k = 0; k < student.output().length; k++) {
                double d = teacher.output()[k] - student.output()[k];
                sum += e.dynamics().dt() * 0.5 * d * d;
            }
        }
        return sum / e.batch();
    }

    static void assertGradient(double numeric, double analytic, String what) {
        assertEquals(numeric, analytic, 1e-6 * Math.max(1e-3, Math.abs(numeric)) + 1e-10, what);
    }

    @Test
    void lossEqualsAnIndependentForwardLoop() {
        assertEquals(loss(experiment, experiment.initialWeights(), null, 0, 0, -1, 0), run.adjoint().loss(), 1e-14);
    }

    @Test
    void weightGradientsEqualCentralDifferences() {
        assertWeightGradients(experiment, run, 1);
    }

    /** Every {@code every}-th weight of every layer: ∂L/∂W of the adjoint equals the central difference. */
    static void assertWeightGradients(GleExperiment e, AdjointRun adjointRun, int every) {
        Weights w0 = e.initialWeights();
        for (int l = 0; l < e.network().layerCount(); l++) {
            for (int i = 0; i < w0.weights(l).length; i += every) {
                double[][] plus = w0.weights();
                double[][] minus = w0.weights();
                plus[l][i] += H;
                minus[l][i] -= H;
                double numeric = (loss(e, new Weights(plus, w0.biases()), null, 0, 0, -1, 0)
                        - loss(e, new Weights(minus, w0.biases()), null, 0, 0, -1, 0)) / (2 * H);
                assertGradient(numeric, adjointRun.adjoint().weightGradient(l)[i], "dL/dW" + l + "[" + i + "]");
            }
        }
    }

    @Test
    void biasGradientsEqualCentralDifferences() {
        Weights w0 = experiment.initialWeights();
        for (int l = 0; l < experiment.network().layerCount(); l++) {
            for (int i = 0; i < w0.biases(l).length; i++) {
                double[][] plus = w0.biases();
                double[][] minus = w0.biases();
                plus[l][i] += H;
                minus[l][i] -= H;
                double numeric = (loss(experiment, new Weights(w0.weights(), plus), null, 0, 0, -1, 0)
                        - loss(experiment, new Weights(w0.weights(), minus), null, 0, 0, -1, 0)) / (2 * H);
                assertGradient(numeric, run.adjoint().biasGradient(l)[i], "dL/db" + l + "[" + i + "]");
            }
        }
    }

    @Test
    void membraneTimeConstantGradientsEqualCentralDifferences() {
        NetworkSpec spec = experiment.network();
        for (int l = 0; l < spec.layerCount(); l++) {
            for (int i = 0; i < spec.layer(l).size(); i++) {
                double[][] plus = new double[spec.layerCount()][];
                double[][] minus = new double[spec.layerCount()][];
                for (int m = 0; m < spec.layerCount(); m++) {
                    plus[m] = spec.layer(m).tauM();
                    minus[m] = spec.layer(m).tauM();
                }
                plus[l][i] += H;
                minus[l][i] -= H;
                double numeric = (loss(experiment, experiment.initialWeights(), plus, 0, 0, -1, 0)
                        - loss(experiment, experiment.initialWeights(), minus, 0, 0, -1, 0)) / (2 * H);
                assertGradient(numeric, run.adjoint().tauMGradient(l)[i], "dL/dtauM" + l + "[" + i + "]");
            }
        }
    }

    @Test
    void adjointEqualsCentralDifferencesInTheSomaticPotential() {
        Weights w0 = experiment.initialWeights();
        NetworkSpec spec = experiment.network();
        for (int t : new int[] {0, 17, 40, STEPS - 2, STEPS - 1}) {
            for (int l = 0; l < spec.layerCount(); l++) {
                for (int k = 0; k < experiment.batch() * spec.layer(l).size(); k++) {
                    double numeric = (loss(experiment, w0, null, l, k, t, H) - loss(experiment, w0, null, l, k, t, -H)) / (2 * H);
                    // L is a batch mean; λ is ∂L/∂u of that mean.
                    assertGradient(numeric, run.adjoint().lambda(t, l)[k], "λ step " + t + " layer " + l + " [" + k + "]");
                }
            }
        }
    }

    /** A network whose layers and fan-ins are all wide enough (≥ 8) for the adjoint's sample-outer loops. */
    static GleExperiment wideExperiment() {
        SplittableRandom random = new SplittableRandom(43);
        NetworkSpec spec = new NetworkSpec(9, List.of(
                LayerSpec.uniform(10, Activation.TANH, 0.4, 0.1, true),
                LayerSpec.uniform(8, Activation.LINEAR, 0.25, 0.05, true)));
        return new GleExperiment("fd-wide", "finite differences, wide layers", spec, randomWeights(spec, random),
                new Dynamics(0.02, 0, 1, true, TargetLoss.MSE),
                new LearningSpec(false, LearningSpec.Rule.GLE, Optimizer.Kind.SGD, 0, false, 0.2, 0),
                new SignalSpec.OrnsteinUhlenbeck(9, 1.0, 0.2, 1.5),
                new TargetSpec.Teacher(randomWeights(spec, random), null, null), 3, 7, STEPS * 0.02, List.of());
    }

    @Test
    void aWideNetworksWeightGradientsEqualCentralDifferences() {
        GleExperiment wide = wideExperiment();
        assertWeightGradients(wide, AdjointRun.compute(wide, STEPS), 7);
    }
}
