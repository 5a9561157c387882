package org.prospect.engine.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prospect.engine.experiment.ExperimentFile;
import org.prospect.engine.experiment.ExperimentFileException;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.gle.Optimizer;
import org.prospect.engine.rnn.LearningRule;
import org.prospect.engine.rnn.RnnSpec;
import org.prospect.engine.rnn.RnnTrainer;
import org.prospect.engine.rnn.TrainingSpec;
import org.prospect.engine.rnn.XorSpec;

/**
 * The two training workloads measured per unit of training rather than per step: one MNIST-1D epoch of
 * the paper's GLE network (the shipped sample), and one delayed-XOR iteration per ModProp-paper rule.
 */
public final class TrainingBench {
    private TrainingBench() {}

    /** Seconds for one epoch (training steps and the test evaluation) of {@code samples/mnist1d-gle.json}. */
    public static double mnist1dEpochSeconds(Path samples) throws ExperimentFileException {
        GleSimulation sim = new GleSimulation(ExperimentFile.load(samples.resolve("mnist1d-gle.json")));
        int steps = sim.classification().stepsPerEpoch();
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) sim.step();
        if (sim.classification().history().size() != 1) throw new IllegalStateException("the epoch did not end");
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Median wall and CPU milliseconds of one iteration; CPU counts the stepping thread and its slice helper. */
    public record IterationTime(double wallMillis, double cpuMillis) {}

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * Median milliseconds per training iteration (forward, backward, Adam; no validation) on the paper's setup
     * (120 units, batch 32, 900-step trials), per rule, after {@code warmup} iterations.
     */
    public static Map<String, IterationTime> xorIterationMillis(int warmup, int runs) {
        RnnSpec spec = RnnSpec.paper(1);
        XorSpec task = XorSpec.paper();
        TrainingSpec training = new TrainingSpec(32, Optimizer.Kind.ADAM, 5e-4, 300, 0.8, 5e-4, 32, 0);
        List<LearningRule> rules = List.of(LearningRule.bptt(), LearningRule.eprop(), LearningRule.mdgl(),
                LearningRule.modProp(0.25), LearningRule.modPropCellSpecific(0.25));
        Map<String, IterationTime> out = new LinkedHashMap<>();
        for (LearningRule rule : rules) {
            RnnTrainer trainer = new RnnTrainer(spec, task, training, rule, new ArrayList<>());
            for (int i = 0; i < warmup; i++) trainer.iterate();
            double[] ms = new double[runs];
            double[] cpu = new double[runs];
            for (int i = 0; i < runs; i++) {
                long c0 = cpuNanos();
                long t0 = System.nanoTime();
                trainer.iterate();
                ms[i] = (System.nanoTime() - t0) / 1e6;
                cpu[i] = (cpuNanos() - c0) / 1e6;
            }
            Arrays.sort(ms);
            Arrays.sort(cpu);
            out.put(rule.label(), new IterationTime(ms[runs / 2], cpu[runs / 2]));
        }
        return out;
    }

    /**
     * CPU time of this thread and of the RNN's slice helpers ("rnn-slice-…"): on a machine shared with other work,
     * what an iteration itself costs, where wall time also counts waiting for a core. A helper that ended between
     * two readings takes its time with it; helpers live for a second after their last pass, so within a run of
     * iterations they do not end.
     */
    private static long cpuNanos() {
        long sum = THREADS.getCurrentThreadCpuTime();
        for (java.lang.management.ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("rnn-slice-")) {
                sum += Math.max(0, THREADS.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }
}
