package org.prospect.engine.trace;

import java.util.ArrayList;
import java.util.List;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.gle.GleNetwork;
import org.prospect.engine.gle.NetworkSpec;

/**
 * What the comparison view shows of every learner of a comparison file, taken on the simulation thread after
 * each lockstep step and published without locks:
 * <ul>
 *   <li>{@link #signals()}: rows of the shared target and each learner's output (batch sample 0), at most
 *       {@link #rowsPerTimeUnit()} per time unit: channels {@code target{k}}, then {@code {learner}_out{k}};</li>
 *   <li>{@link #learning()}: slower rows ({@link #LEARNING_ROWS_PER_TIME_UNIT} per time unit) of each learner's
 *       loss (mean over the rows' block), its weights (each weight for small networks, else ‖W_l‖ per layer)
 *       and the traced τ_m;</li>
 *   <li>{@link #summaries()}: the latest of the same numbers, about ten times a second, for a table.</li>
 * </ul>
 * Nothing is allocated per step (only on {@link #attach}).
 */
public final class ComparisonProbe implements LearnersObserver {
    /** Networks with at most this many weights have each weight traced; bigger ones their norms per layer. */
    public static final int MAX_SINGLE_WEIGHTS = 6;
    public static final int LEARNING_ROWS_PER_TIME_UNIT = 4;
    private static final long SUMMARY_PERIOD_NANOS = 100_000_000;

    /** The newest numbers of every learner: [learner][k] in the order of the name lists. */
    public static final class Summary {
        public double time;
        public long step;
        public final double[] loss;
        public final double[][] weights;
        public final double[][] tauM;

        Summary(int learners, int weights, int taus) {
            loss = new double[learners];
            this.weights = new double[learners][weights];
            tauM = new double[learners][taus];
        }
    }

    private final NetworkSpec spec;
    private final List<String> labels;
    private final int outputsShown;
    private final boolean singleWeights;
    private final List<String> weightNames;
    private final NeuronId[] tauNeurons;
    private final TraceBuffer signals;
    private final TraceBuffer learning;
    private final TripleBuffer<Summary> summaries;
    private final double[] signalRow;
    private final double[] learningRow;
    private final double[] lossSum;
    private volatile int rowsPerTimeUnit;

    private long sinceSignal;
    private long sinceLearning;
    private int blockSteps;
    private long lastSummaryNanos;
    private boolean dirty;

    public ComparisonProbe(NetworkSpec spec, List<String> labels, int rowsPerTimeUnit, int traceCapacity) {
        this.spec = spec;
        this.labels = List.copyOf(labels);
        this.outputsShown = Math.min(DashboardProbe.MAX_SIGNALS, spec.outputs());
        int weightCount = 0;
        for (int l = 0; l < spec.layerCount(); l++) weightCount += spec.layer(l).size() * spec.fanIn(l);
        singleWeights = weightCount <= MAX_SINGLE_WEIGHTS;
        List<String> w = new ArrayList<>();
        for (int l = 0; l < spec.layerCount(); l++) {
            if (singleWeights) {
                int n = spec.layer(l).size();
                int in = spec.fanIn(l);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < in; j++) w.add(n == 1 && in == 1 ? "w" + l : "w" + l + "[" + i + "," + j + "]");
                }
            } else {
                w.add("‖W" + l + "‖");
            }
        }
        weightNames = List.copyOf(w);
        List<NeuronId> taus = new ArrayList<>();
        int total = 0;
        for (int l = 0; l < spec.layerCount(); l++) total += spec.layer(l).size();
        for (int l = 0; l < spec.layerCount(); l++) {
            int take = total <= DashboardProbe.MAX_TAU_NEURONS ? spec.layer(l).size() : 1;
            for (int i = 0; i < take && taus.size() < DashboardProbe.MAX_TAU_NEURONS; i++) taus.add(new NeuronId(l, i));
        }
        tauNeurons = taus.toArray(new NeuronId[0]);
        int k = labels.size();
        signals = new TraceBuffer(outputsShown * (1 + k), traceCapacity);
        learning = new TraceBuffer(k * learningStride(), traceCapacity);
        signalRow = new double[signals.channels()];
        learningRow = new double[learning.channels()];
        lossSum = new double[k];
        summaries = new TripleBuffer<>(() -> new Summary(k, weightNames.size(), tauNeurons.length));
        setRowsPerTimeUnit(rowsPerTimeUnit);
    }

    // ---- layout (any thread) ----

    public List<String> labels() { return labels; }

    public int learners() { return labels.size(); }

    public int outputsShown() { return outputsShown; }

    /** Whether each weight is traced (small networks) rather than the norm of each layer. */
    public boolean singleWeights() { return singleWeights; }

    public List<String> weightNames() { return weightNames; }

    public List<NeuronId> tauNeurons() { return List.of(tauNeurons); }

    public TraceBuffer signals() { return signals; }

    public TraceBuffer learning() { return learning; }

    public TripleBuffer<Summary> summaries() { return summaries; }

    public int targetChannel(int k) { return k; }

    public int outputChannel(int learner, int k) { return outputsShown * (1 + learner) + k; }

    private int learningStride() { return 1 + weightNames.size() + tauNeurons.length; }

    public int lossChannel(int learner) { return learner * learningStride(); }

    public int weightChannel(int learner, int w) { return learner * learningStride() + 1 + w; }

    public int tauChannel(int learner, int t) { return learner * learningStride() + 1 + weightNames.size() + t; }

    public void setRowsPerTimeUnit(int rows) {
        if (rows <= 0) throw new IllegalArgumentException("rows per time unit must be positive");
        rowsPerTimeUnit = rows;
    }

    public int rowsPerTimeUnit() { return rowsPerTimeUnit; }

    // ---- simulation thread ----

    @Override
    public void attach(GleSimulation[] all) {
        if (all.length != labels.size()) throw new IllegalArgumentException("expected " + labels.size() + " learners");
        sinceSignal = 0;
        sinceLearning = 0;
        blockSteps = 0;
        java.util.Arrays.fill(lossSum, 0);
        publishSummary(all);
    }

    @Override
    public void afterStep(GleSimulation[] all) {
        for (int i = 0; i < all.length; i++) lossSum[i] += all[i].loss();
        blockSteps++;
        double dt = all[0].student().dynamics().dt();
        if (++sinceSignal >= stride(dt, rowsPerTimeUnit)) {
            sinceSignal = 0;
            double[] target = all[0].target();
            for (int k = 0; k < outputsShown; k++) signalRow[k] = target[k];
            for (int i = 0; i < all.length; i++) {
                double[] out = all[i].student().output();
                for (int k = 0; k < outputsShown; k++) signalRow[outputChannel(i, k)] = out[k];
            }
            signals.write(all[0].time(), signalRow);
        }
        if (++sinceLearning >= stride(dt, LEARNING_ROWS_PER_TIME_UNIT)) {
            sinceLearning = 0;
            for (int i = 0; i < all.length; i++) {
                learningRow[lossChannel(i)] = lossSum[i] / blockSteps;
                lossSum[i] = 0;
                fillParameters(all[i], learningRow, weightChannel(i, 0), tauChannel(i, 0));
            }
            blockSteps = 0;
            learning.write(all[0].time(), learningRow);
        }
        long now = System.nanoTime();
        if (now - lastSummaryNanos >= SUMMARY_PERIOD_NANOS) {
            lastSummaryNanos = now;
            publishSummary(all);
            dirty = false;
        } else {
            dirty = true;
        }
    }

    @Override
    public void idle(GleSimulation[] all) {
        if (dirty) {
            publishSummary(all);
            dirty = false;
        }
    }

    private void fillParameters(GleSimulation sim, double[] out, int weightsAt, int tausAt) {
        fillWeights(sim, out, weightsAt);
        fillTaus(sim, out, tausAt);
    }

    private void fillTaus(GleSimulation sim, double[] out, int at) {
        GleNetwork net = sim.student();
        for (int t = 0; t < tauNeurons.length; t++) out[at + t] = net.tauM(tauNeurons[t].layer())[tauNeurons[t].index()];
    }

    private void fillWeights(GleSimulation sim, double[] out, int weightsAt) {
        GleNetwork net = sim.student();
        int c = weightsAt;
        for (int l = 0; l < spec.layerCount(); l++) {
            double[] w = net.weights(l);
            if (singleWeights) {
                for (double v : w) out[c++] = v;
            } else {
                double sq = 0;
                for (double v : w) sq += v * v;
                out[c++] = Math.sqrt(sq);
            }
        }
    }

    private void publishSummary(GleSimulation[] all) {
        Summary s = summaries.back();
        s.time = all[0].time();
        s.step = all[0].stepCount();
        for (int i = 0; i < all.length; i++) {
            s.loss[i] = all[i].loss();
            fillWeights(all[i], s.weights[i], 0);
            fillTaus(all[i], s.tauM[i], 0);
        }
        summaries.publish();
    }

    private static long stride(double dt, int rowsPerTimeUnit) {
        return Math.max(1, (long) Math.ceil(1.0 / (dt * rowsPerTimeUnit) - 1e-9));
    }
}
