package org.prospect.engine.gle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Steps shared between threads give bit-identical results and allocate nothing. */
class ParallelStepTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    // Wide enough for the axpy forward product, odd sizes for the kernels' remainders.
    static final NetworkSpec SPEC = new NetworkSpec(13, List.of(
            LayerSpec.uniform(21, Activation.SOFTPLUS, 0.5, 0.1, true),
            LayerSpec.uniform(9, Activation.TANH, 1.0, 0.3, true),
            LayerSpec.uniform(3, Activation.LINEAR, 0.7, 0.7, true)));
    static final int BATCH = 7;

    static Weights weights() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] w = new double[SPEC.layerCount()][];
        double[][] b = new double[SPEC.layerCount()][];
        for (int l = 0; l < SPEC.layerCount(); l++) {
            w[l] = random.doubles((long) SPEC.layer(l).size() * SPEC.fanIn(l), -0.5, 0.5).toArray();
            b[l] = random.doubles(SPEC.layer(l).size(), -0.1, 0.1).toArray();
        }
        return new Weights(w, b);
    }

    static void drive(GleNetwork net, int steps, int from) {
        double[] x = new double[BATCH * SPEC.inputs()];
        double[] target = new double[BATCH * SPEC.outputs()];
        for (int t = from; t < from + steps; t++) {
            for (int k = 0; k < x.length; k++) x[k] = Math.sin(0.01 * t * (1 + k % 5) + k);
            for (int k = 0; k < target.length; k++) target[k] = Math.cos(0.02 * t + k);
            net.step(x, target);
            // A plasticity step between steps, as the simulation does.
            for (int l = 0; l < SPEC.layerCount(); l++) {
                double[] w = net.weights(l);
                double[] g = net.weightGradient(l);
                for (int k = 0; k < w.length; k++) w[k] -= 0.05 * g[k];
            }
        }
    }

    @Test
    void twoWorkersComputeExactlyWhatOneDoes() {
        Dynamics d = new Dynamics(0.01, 1, 0.5, true, TargetLoss.MSE);
        GleNetwork one = new GleNetwork(SPEC, weights(), d, BATCH, 1);
        GleNetwork two = new GleNetwork(SPEC, weights(), d, BATCH, 2);
        assertEquals(2, two.workers());
        one.setComputeGradients(true);
        two.setComputeGradients(true);
        // Longer than a tuning period, so that both the one- and two-thread paths of `two` are taken.
        drive(one, 10_000, 0);
        drive(two, 10_000, 0);
        for (int l = 0; l < SPEC.layerCount(); l++) {
            assertArrayEquals(one.rates(l), two.rates(l), "rates of layer " + l);
            assertArrayEquals(one.state(Quantity.PROSPECTIVE_ERROR, l), two.state(Quantity.PROSPECTIVE_ERROR, l));
            assertArrayEquals(one.weights(l), two.weights(l), "weights of layer " + l);
            assertArrayEquals(one.tauMGradient(l), two.tauMGradient(l));
            assertArrayEquals(one.biasGradient(l), two.biasGradient(l));
        }
    }

    @Test
    void aSharedStepAllocatesNothing() {
        GleNetwork net = new GleNetwork(SPEC, weights(), new Dynamics(0.01, 1, 0.5, true, TargetLoss.MSE), BATCH, 2);
        net.setComputeGradients(true);
        drive(net, 20_000, 0);
        long before = allocated();
        drive(net, 50_000, 20_000);
        long bytes = allocated() - before;
        assertEquals(0, bytes / 50_000, "bytes allocated per step by stepping and helper threads (total " + bytes + ")");
    }

    /** This thread's allocated bytes and the step helpers'; found first, read last. */
    private static long allocated() {
        long[] ids = THREADS.getAllThreadIds();
        java.lang.management.ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        long sum = 0;
        for (java.lang.management.ThreadInfo t : infos) {
            if (t != null && t.getThreadName().startsWith("gle-step-")) {
                sum += Math.max(0, THREADS.getThreadAllocatedBytes(t.getThreadId()));
            }
        }
        return sum + THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
