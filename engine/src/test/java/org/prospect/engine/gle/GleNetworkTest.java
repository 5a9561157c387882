package org.prospect.engine.gle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class GleNetworkTest {
    static final NetworkSpec SPEC = new NetworkSpec(2, List.of(
            new LayerSpec(3, Activation.TANH, new double[] {0.2, 0.5, 1.0}, new double[] {0.1, 0.2, 0.3}, true),
            new LayerSpec(2, Activation.LINEAR, new double[] {0.3, 0.3}, new double[] {0.3, 0.3}, true)));
    static final Weights WEIGHTS = new Weights(
            new double[][] {{0.1, -0.2, 0.3, 0.4, -0.5, 0.6}, {0.7, -0.8, 0.9, -0.1, 0.2, -0.3}},
            new double[][] {{0.01, 0.02, 0.03}, {-0.1, 0.1}});

    @Test
    void aBatchOfIdenticalSamplesBehavesLikeOneSample() {
        GleNetwork one = new GleNetwork(SPEC, WEIGHTS, new Dynamics(0.01, 1, 1, true, TargetLoss.MSE), 1);
        GleNetwork three = new GleNetwork(SPEC, WEIGHTS, new Dynamics(0.01, 1, 1, true, TargetLoss.MSE), 3);
        one.setComputeGradients(true);
        three.setComputeGradients(true);
        for (int t = 0; t < 50; t++) {
            double a = Math.sin(0.1 * t);
            double b = Math.cos(0.07 * t);
            one.step(new double[] {a, b}, new double[] {0.5, -0.5});
            three.step(new double[] {a, b, a, b, a, b}, new double[] {0.5, -0.5, 0.5, -0.5, 0.5, -0.5});
        }
        assertArrayEquals(one.output(), java.util.Arrays.copyOfRange(three.output(), 4, 6), 1e-15);
        assertRelativelyEqual(one.weightGradient(0), three.weightGradient(0));
        assertRelativelyEqual(one.tauMGradient(0), three.tauMGradient(0));
    }

    @Test
    void aSingleSamplesGradientsAreExactlyMinusErrorTimesInputMinusErrorAndErrorTimesVelocity() {
        // GLE.md's ∂W = −ĕ⊗r_{ℓ−1}, ∂b = −ĕ, ∂τ_m = ĕ⊙u̇ with one sample: one rounding per element, on wide layers
        // (not the narrow kernels); r_{ℓ−1} is the previous step's, read before the layer below moves on.
        NetworkSpec spec = ParallelStepTest.SPEC;
        GleNetwork net = new GleNetwork(spec, ParallelStepTest.weights(),
                new Dynamics(0.01, 1, 0.5, true, TargetLoss.MSE), 1, 1);
        net.setComputeGradients(true);
        double[] x = new double[spec.inputs()];
        double[] target = new double[spec.outputs()];
        for (int t = 0; t < 300; t++) {
            for (int k = 0; k < x.length; k++) x[k] = Math.sin(0.03 * t + k);
            for (int k = 0; k < target.length; k++) target[k] = Math.cos(0.02 * t + k);
            double[][] inputs = new double[spec.layerCount()][];
            for (int l = 0; l < spec.layerCount(); l++) inputs[l] = l == 0 ? x.clone() : net.rates(l - 1).clone();
            net.step(x, target);
            if (t % 50 != 49) continue;
            for (int l = 0; l < spec.layerCount(); l++) {
                double[] e = net.state(Quantity.PROSPECTIVE_ERROR, l);
                double[] uDot = net.somaticVelocities(l);
                int in = spec.fanIn(l);
                for (int i = 0; i < e.length; i++) {
                    for (int j = 0; j < in; j++) {
                        assertEquals(-e[i] * inputs[l][j], net.weightGradient(l)[i * in + j], 0.0, "∂W " + l);
                    }
                    assertEquals(-e[i], net.biasGradient(l)[i], 0.0, "∂b " + l);
                    assertEquals(e[i] * uDot[i], net.tauMGradient(l)[i], 0.0, "∂τ_m " + l);
                }
            }
        }
        assertTrue(java.util.Arrays.stream(net.weightGradient(1)).anyMatch(g -> g != 0), "non-zero gradients");
    }

    /** Batch means sum in another order than a single sample: equal up to rounding. */
    static void assertRelativelyEqual(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-13 * Math.max(1, Math.abs(expected[i])), "index " + i);
        }
    }

    @Test
    void theLeakyIntegratorRelaxesToItsInputWithTimeConstantTauM() {
        // One linear neuron, w = 1, constant input 1: u(t) = 1 − (1 − dt/τ)^n, the Euler-discretised exponential.
        NetworkSpec spec = new NetworkSpec(1, List.of(LayerSpec.uniform(1, Activation.LINEAR, 0.5, 0.5, false)));
        GleNetwork net = new GleNetwork(spec, new Weights(new double[][] {{1}}, new double[][] {{0}}),
                new Dynamics(0.01, 0, 1, true, TargetLoss.MSE), 1);
        for (int n = 1; n <= 200; n++) {
            net.step(new double[] {1}, null);
            assertEquals(1 - Math.pow(1 - 0.01 / 0.5, n), net.state(Quantity.SOMATIC_POTENTIAL, 0)[0], 1e-12);
        }
    }

    @Test
    void withTauREqualTauMTheRateHasNoLag() {
        // Latent equilibrium: ŭ = u + τ_m u̇ = the basal input itself after the first step.
        NetworkSpec spec = new NetworkSpec(1, List.of(LayerSpec.uniform(1, Activation.LINEAR, 0.7, 0.7, false)));
        GleNetwork net = new GleNetwork(spec, new Weights(new double[][] {{2}}, new double[][] {{0}}),
                new Dynamics(0.01, 0, 1, true, TargetLoss.MSE), 1);
        for (int n = 0; n < 100; n++) {
            double x = Math.sin(0.05 * n);
            net.step(new double[] {x}, null);
            assertEquals(2 * x, net.output()[0], 1e-12);
        }
    }

    @Test
    void crossEntropyErrorIsBetaTimesOneHotMinusSoftmax() {
        NetworkSpec spec = new NetworkSpec(1, List.of(LayerSpec.uniform(3, Activation.LINEAR, 0.5, 0.5, false)));
        GleNetwork net = new GleNetwork(spec, new Weights(new double[][] {{1, -1, 0.5}}, new double[][] {{0, 0, 0}}),
                new Dynamics(0.01, 0, 0.7, false, TargetLoss.CROSS_ENTROPY), 1);
        net.step(new double[] {1}, new double[] {0, 1, 0});
        double[] r = net.output().clone();
        net.step(new double[] {1}, new double[] {0, 1, 0});
        double z = Math.exp(r[0]) + Math.exp(r[1]) + Math.exp(r[2]);
        double[] onehot = {0, 1, 0};
        for (int i = 0; i < 3; i++) {
            assertEquals(0.7 * (onehot[i] - Math.exp(r[i]) / z), net.state(Quantity.INSTANTANEOUS_ERROR, 0)[i], 1e-15);
        }
    }

    /**
     * The network keeps 1/τ between steps (see TimeConstants); an in-place edit of τ_m or τ_r must act from the
     * next step exactly as if the network had been built with the new values. Narrow layers at batch > 1 keep τ
     * repeated per sample too, hence the wide and the narrow layer, at batch 1 and 3.
     */
    @Test
    void timeConstantsEditedInPlaceActFromTheNextStep() {
        NetworkSpec spec = new NetworkSpec(2, List.of(
                LayerSpec.uniform(9, Activation.SOFTPLUS, 0.5, 0.1, true),
                LayerSpec.uniform(2, Activation.LINEAR, 0.3, 0.2, true)));
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        Weights weights = new Weights(new double[][] {random.doubles(18, -1, 1).toArray(), random.doubles(18, -1, 1).toArray()},
                new double[][] {random.doubles(9, -1, 1).toArray(), random.doubles(2, -1, 1).toArray()});
        Dynamics dynamics = new Dynamics(0.01, 1, 1, true, TargetLoss.MSE);
        for (int batch : new int[] {1, 3}) {
            GleNetwork edited = new GleNetwork(spec, weights, dynamics, batch, 1);
            double[] x = new double[2 * batch];
            double[] target = new double[2 * batch];
            for (int t = 0; t < 30; t++) {
                for (int k = 0; k < x.length; k++) x[k] = Math.sin(0.1 * t + k);
                edited.step(x, target);
            }
            edited.tauM(0)[4] = 0.8;
            edited.tauR(0)[8] = 0.05;
            edited.tauM(1)[1] = 0.6;
            edited.tauR(1)[0] = 0.4;
            LayerSpec hidden = new LayerSpec(9, Activation.SOFTPLUS, edited.tauM(0).clone(), edited.tauR(0).clone(), true);
            LayerSpec out = new LayerSpec(2, Activation.LINEAR, edited.tauM(1).clone(), edited.tauR(1).clone(), true);
            GleNetwork built = new GleNetwork(new NetworkSpec(2, List.of(hidden, out)), edited.snapshot(), dynamics, batch, 1);
            built.importState(edited.exportState());
            for (int t = 30; t < 40; t++) {
                for (int k = 0; k < x.length; k++) x[k] = Math.sin(0.1 * t + k);
                edited.step(x, target);
                built.step(x, target);
            }
            for (int l = 0; l < 2; l++) {
                assertArrayEquals(built.state(Quantity.SOMATIC_POTENTIAL, l), edited.state(Quantity.SOMATIC_POTENTIAL, l),
                        0.0, "batch " + batch + " layer " + l);
                assertArrayEquals(built.state(Quantity.PROSPECTIVE_ERROR, l), edited.state(Quantity.PROSPECTIVE_ERROR, l),
                        0.0, "batch " + batch + " layer " + l);
            }
        }
    }

    @Test
    void aStepAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        GleNetwork net = new GleNetwork(SPEC, WEIGHTS, new Dynamics(0.01, 1, 1, true, TargetLoss.MSE), 4);
        net.setComputeGradients(true);
        double[] x = new double[8];
        double[] target = new double[8];
        for (int i = 0; i < 20_000; i++) net.step(x, target); // let the JIT settle
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 100_000; i++) net.step(x, target);
        long bytes = threads.getThreadAllocatedBytes(id) - before;
        // A single boxed value per step would be ≥ 1.6 MB here; allow only measurement noise.
        assertEquals(0, bytes / 100_000, "bytes allocated per step (total " + bytes + ")");
    }
}
