package org.prospect.engine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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

/**
 * The fixed benchmark workloads (issue "Speed"): GLE with prospective errors, dt 0.01, γ 1, β 0.1, plain SGD
 * every step, biases on, τ_m 1 and τ_r 0.1 everywhere, input a fixed random vector times sin(0.01·step),
 * a fixed random target. Fixed so that numbers compare across versions.
 */
public enum Workload {
    LAGLINE_B1("lagline-b1", new int[] {1, 1, 1}, 1),
    LAGLINE_B100("lagline-b100", new int[] {1, 1, 1}, 100),
    MLP_B1("mlp-b1", new int[] {40, 128, 128, 10}, 1),
    MLP_B32("mlp-b32", new int[] {40, 128, 128, 10}, 32);

    private final String label;
    private final int[] sizes;
    private final int batch;

    Workload(String label, int[] sizes, int batch) {
        this.label = label;
        this.sizes = sizes;
        this.batch = batch;
    }

    public String label() { return label; }

    public int batch() { return batch; }

    public static Workload byLabel(String label) {
        for (Workload w : values()) if (w.label.equals(label)) return w;
        return null;
    }

    /** Multiply-adds of one step: forward W·r, feedback Wᵀ·ĕ and the outer-product plasticity, per sample. */
    public long flopsPerStep() {
        long macs = 0;
        for (int l = 1; l < sizes.length; l++) macs += (long) sizes[l] * sizes[l - 1];
        return 2L * 3 * macs * batch;
    }

    public GleExperiment experiment() {
        SplittableRandom random = new SplittableRandom(2024);
        List<LayerSpec> layers = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            boolean last = l == sizes.length - 1;
            Activation f = sizes.length == 3 ? Activation.SOFTPLUS : (last ? Activation.LINEAR : Activation.SOFTPLUS);
            layers.add(LayerSpec.uniform(sizes[l], f, 1.0, 0.1, true));
        }
        NetworkSpec spec = new NetworkSpec(sizes[0], layers);
        double[][] w = new double[layers.size()][];
        double[][] b = new double[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            int in = spec.fanIn(l);
            double bound = 1 / Math.sqrt(in);
            w[l] = random.doubles((long) layers.get(l).size() * in, -bound, bound).toArray();
            b[l] = random.doubles(layers.get(l).size(), -bound, bound).toArray();
        }
        List<List<SignalSpec.Sine>> channels = new ArrayList<>();
        // sin(0.01·step) with dt = 0.01 is sin(t), frequency 1/(2π).
        for (int k = 0; k < sizes[0]; k++) {
            channels.add(List.of(new SignalSpec.Sine(random.nextDouble(-1, 1), 1 / (2 * Math.PI), 0)));
        }
        double[] target = random.doubles(sizes[sizes.length - 1], -1, 1).toArray();
        return new GleExperiment(label, "benchmark workload", spec, new Weights(w, b),
                new Dynamics(0.01, 1.0, 0.1, true, TargetLoss.MSE),
                new LearningSpec(true, LearningSpec.Rule.GLE, Optimizer.Kind.SGD, 1e-4, false, 0.1, 0),
                new SignalSpec.SumOfSines(channels),
                new TargetSpec.SignalTarget(new SignalSpec.Step(target, target, 0)), batch, 1, 1e9, List.of());
    }
}
