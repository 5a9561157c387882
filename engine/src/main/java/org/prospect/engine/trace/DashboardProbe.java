package org.prospect.engine.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.prospect.engine.adjoint.SlidingAdjoint;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.gle.GleNetwork;
import org.prospect.engine.gle.NetworkSpec;
import org.prospect.engine.gle.Quantity;

/**
 * Everything the live dashboard shows, taken from the simulation thread after every step and published
 * without locks:
 * <ul>
 *   <li>{@link #trace()}: decimated rows (at most {@link #rowsPerTimeUnit()} per simulated time unit) of the
 *       input, target and output, the selected neurons' potentials, rates and errors, the loss, the
 *       weight norms and their change per step, τ_m, and the latest GLE-vs-BPTT gradient alignment;</li>
 *   <li>{@link #lambdaTrace()}: the exact adjoint of the selected neurons from BPTT over sliding windows
 *       of {@code 2·adjointWindow} (computed every {@code adjointWindow}, see {@link SlidingAdjoint}), in two
 *       forms: the exact error −β·∂L/∂s/dt ({@link #exactErrorChannel}), the quantity GLE's ĕ estimates and in
 *       its units (s = W r + b; ∂L/∂W = Σ_t ∂L/∂s_t ⊗ r_{t−1}, and GLE's output error is β·(target − r), so
 *       ĕ ≈ −β·∂L/∂s/dt), and GLE.md's −λ = −∂L/∂u ({@link #lambdaChannel}), which is identically 0 for a
 *       neuron with τ_r = τ_m because its ŭ_t = s_t does not depend on u_{t−1};
 *       written one to two windows late with the times the values belong to, by the adjoint's own worker
 *       thread (the simulation thread only records the trajectory; windows the worker has no time for are
 *       skipped and leave gaps);</li>
 *   <li>{@link #snapshots()}: per-neuron values and weights for drawing the network, about 30 times a second.</li>
 * </ul>
 * Values are those of batch sample 0. Nothing is allocated per step (only on {@link #attach}).
 */
public final class DashboardProbe implements StepObserver, AutoCloseable {
    /** Most neurons followed at once. */
    public static final int SLOTS = 4;
    /** Most inputs / outputs drawn in the signal chart. */
    public static final int MAX_SIGNALS = 4;
    /** Most neurons whose τ_m is traced. */
    public static final int MAX_TAU_NEURONS = 6;
    private static final long SNAPSHOT_PERIOD_NANOS = 33_000_000;
    private static final int MAX_ROWS_PER_CLOCK = 8;
    /**
     * Share of one core the exact adjoint's worker may take. At paced speeds it computes every window well within
     * this; at speed max about one window in ten, so that the simulation and the drawing keep the cores.
     */
    static final double ADJOINT_WORKER_SHARE = 0.1;

    /** What is traced per selected neuron, in column order. */
    public enum SlotQuantity {
        /** u */
        SOMATIC_POTENTIAL,
        /** W r + b */
        BASAL_POTENTIAL,
        /** γ ĕ */
        APICAL_POTENTIAL,
        /** φ(ŭ) */
        RATE,
        /** φ(u) */
        INSTANTANEOUS_RATE,
        /** the teacher's rate of the same neuron; NaN without a teacher */
        TEACHER_RATE,
        /** ĕ */
        PROSPECTIVE_ERROR,
        /** e_in */
        INSTANTANEOUS_ERROR
    }

    private static final SlotQuantity[] SLOT_QUANTITIES = SlotQuantity.values();

    /** The selection as the simulation thread sees it: replaced whole, never changed in place. */
    private record Selection(long generation, NeuronId[] neurons) {}

    private final NetworkSpec spec;
    private final double adjointWindow;
    private final LongSupplier clock;
    private final int inputsShown;
    private final int outputsShown;
    private final NeuronId[] tauNeurons;
    private final List<String> columns;
    private final TraceBuffer trace;
    private final TraceBuffer lambdaTrace;
    private final TripleBuffer<NetworkSnapshot> snapshots;
    private final double[] row;
    private final double[] lambdaRow;
    private volatile Selection selection;
    /** β when the last step was taken, for scaling the exact error on the adjoint's worker thread. */
    private volatile double beta = Double.NaN;
    private volatile int rowsPerTimeUnit;
    /** The newest computed window's λ at its first step and its alignment: worker → simulation thread. */
    private volatile TripleBuffer<LatestAdjoint> latestAdjoint;

    // Simulation-thread state (rebuilt on attach).
    private SlidingAdjoint sliding;
    private double[] alignedTarget;
    private double[][] previousWeights;
    private double[][] publishedWeights;
    private double[] weightChangeSum;
    private double[] weightNorm;
    private double lossSum;
    private int blockSteps;
    private long sinceRow;
    private int rowsSinceClock;
    private int clockEvery = 1;
    private long rowsSinceSnapshot;
    private long lastSnapshotNanos;
    private double lastSnapshotTime;
    private boolean dirty;

    /**
     * @param adjointWindow length of the BPTT window in simulated time units
     * @param rowsPerTimeUnit initial trace resolution
     * @param traceCapacity rows each trace keeps for a slow reader
     */
    public DashboardProbe(NetworkSpec spec, double adjointWindow, int rowsPerTimeUnit, int traceCapacity) {
        this(spec, adjointWindow, rowsPerTimeUnit, traceCapacity, System::nanoTime);
    }

    /** Like the public one, with the clock the adjoint's worker share is timed by (tests drive their own). */
    DashboardProbe(NetworkSpec spec, double adjointWindow, int rowsPerTimeUnit, int traceCapacity, LongSupplier clock) {
        this.clock = clock;
        if (!(adjointWindow > 0)) throw new IllegalArgumentException("adjoint window must be positive");
        this.spec = spec;
        this.adjointWindow = adjointWindow;
        this.inputsShown = Math.min(MAX_SIGNALS, spec.inputs());
        this.outputsShown = Math.min(MAX_SIGNALS, spec.outputs());
        List<NeuronId> taus = new ArrayList<>();
        int total = 0;
        for (int l = 0; l < spec.layerCount(); l++) total += spec.layer(l).size();
        for (int l = 0; l < spec.layerCount(); l++) {
            // Every neuron in small networks; otherwise the first of each layer.
            int take = total <= MAX_TAU_NEURONS ? spec.layer(l).size() : 1;
            for (int i = 0; i < take && taus.size() < MAX_TAU_NEURONS; i++) taus.add(new NeuronId(l, i));
        }
        tauNeurons = taus.toArray(new NeuronId[0]);

        List<String> names = new ArrayList<>();
        names.add("selection");
        for (int i = 0; i < inputsShown; i++) names.add("x" + i);
        for (int i = 0; i < outputsShown; i++) names.add("target" + i);
        for (int i = 0; i < outputsShown; i++) names.add("out" + i);
        for (int s = 0; s < SLOTS; s++) {
            for (SlotQuantity q : SLOT_QUANTITIES) names.add("slot" + s + "_" + q.name().toLowerCase());
        }
        names.add("loss");
        names.add("alignment");
        for (int l = 0; l < spec.layerCount(); l++) names.add("norm_W" + l);
        for (int l = 0; l < spec.layerCount(); l++) names.add("dW_per_step" + l);
        for (NeuronId n : tauNeurons) names.add("tauM_" + n.label().replace(' ', '_'));
        columns = List.copyOf(names);
        trace = new TraceBuffer(columns.size(), traceCapacity);
        lambdaTrace = new TraceBuffer(1 + 2 * SLOTS, traceCapacity);
        row = new double[columns.size()];
        lambdaRow = new double[1 + 2 * SLOTS];
        snapshots = new TripleBuffer<>(() -> new NetworkSnapshot(spec));
        setRowsPerTimeUnit(rowsPerTimeUnit);
        List<NeuronId> outputs = new ArrayList<>();
        int top = spec.layerCount() - 1;
        for (int i = 0; i < Math.min(SLOTS, spec.outputs()); i++) outputs.add(new NeuronId(top, i));
        select(outputs);
    }

    // ---- configuration (any thread) ----

    /** Follows these neurons from the next step on (at most {@link #SLOTS}; unknown neurons are dropped). */
    public void select(List<NeuronId> neurons) {
        List<NeuronId> valid = new ArrayList<>();
        for (NeuronId n : neurons) {
            if (n.layer() < spec.layerCount() && n.index() < spec.layer(n.layer()).size() && !valid.contains(n)
                    && valid.size() < SLOTS) {
                valid.add(n);
            }
        }
        Selection old = selection;
        selection = new Selection(old == null ? 1 : old.generation() + 1, valid.toArray(new NeuronId[0]));
    }

    public List<NeuronId> selected() { return List.of(selection.neurons()); }

    /** The selection's generation: the value of the trace's channel 0 for rows taken with it. */
    public long selectionGeneration() { return selection.generation(); }

    /** At most this many trace rows per simulated time unit from now on (at least one row every step). */
    public void setRowsPerTimeUnit(int rows) {
        if (rows <= 0) throw new IllegalArgumentException("rows per time unit must be positive");
        rowsPerTimeUnit = rows;
    }

    public int rowsPerTimeUnit() { return rowsPerTimeUnit; }

    // ---- layout ----

    public List<String> columns() { return columns; }

    public TraceBuffer trace() { return trace; }

    public TraceBuffer lambdaTrace() { return lambdaTrace; }

    public TripleBuffer<NetworkSnapshot> snapshots() { return snapshots; }

    public NetworkSpec spec() { return spec; }

    public double adjointWindow() { return adjointWindow; }

    public int inputsShown() { return inputsShown; }

    public int outputsShown() { return outputsShown; }

    public int inputChannel(int i) { return 1 + i; }

    public int targetChannel(int i) { return 1 + inputsShown + i; }

    public int outputChannel(int i) { return 1 + inputsShown + outputsShown + i; }

    public int slotChannel(int slot, SlotQuantity q) {
        return 1 + inputsShown + 2 * outputsShown + slot * SLOT_QUANTITIES.length + q.ordinal();
    }

    public int lossChannel() { return 1 + inputsShown + 2 * outputsShown + SLOTS * SLOT_QUANTITIES.length; }

    public int alignmentChannel() { return lossChannel() + 1; }

    public int weightNormChannel(int l) { return lossChannel() + 2 + l; }

    public int weightChangeChannel(int l) { return lossChannel() + 2 + spec.layerCount() + l; }

    public List<NeuronId> tauNeurons() { return List.of(tauNeurons); }

    public int tauChannel(int k) { return lossChannel() + 2 + 2 * spec.layerCount() + k; }

    /** Channel of −λ of slot s in {@link #lambdaTrace()} (channel 0 is the selection generation). */
    public int lambdaChannel(int slot) { return 1 + slot; }

    /** Channel of the exact error −β·∂L/∂s/dt of slot s in {@link #lambdaTrace()}. */
    public int exactErrorChannel(int slot) { return 1 + SLOTS + slot; }

    /**
     * The sliding adjoint of the current simulation (simulation thread, or after the runner stopped); its
     * λ is that of the last window computed, see {@link #awaitAdjoint}.
     */
    public SlidingAdjoint slidingAdjoint() { return sliding; }

    /** Waits until the window handed to the adjoint's worker, if any, is computed and written (for tests). */
    public void awaitAdjoint() {
        if (sliding != null) sliding.awaitIdle();
    }

    /**
     * Stops the adjoint's worker thread (it would otherwise stay parked, holding its windows, after the
     * dashboard is gone). Attaching again starts a new one.
     */
    @Override
    public void close() {
        if (sliding != null) sliding.close();
    }

    /** What the worker hands the simulation thread of each computed window, for the rows and snapshots. */
    private static final class LatestAdjoint {
        /** λ of sample 0 at the window's first step, per layer. */
        final double[][] lambda;
        /** The exact error −β·∂L/∂s/dt of sample 0 at the window's first step, per layer. */
        final double[][] exactError;
        double time = Double.NaN;
        double alignment = Double.NaN;

        LatestAdjoint(NetworkSpec spec) {
            lambda = new double[spec.layerCount()][];
            exactError = new double[spec.layerCount()][];
            for (int l = 0; l < lambda.length; l++) {
                lambda[l] = new double[spec.layer(l).size()];
                exactError[l] = new double[spec.layer(l).size()];
            }
        }
    }

    // ---- simulation thread ----

    @Override
    public void attach(GleSimulation sim) {
        GleNetwork student = sim.student();
        double dt = student.dynamics().dt();
        int windowSteps = (int) Math.max(1, Math.round(adjointWindow / dt));
        // The old run's worker must stop before this one writes λ rows: the trace has one writer at a time.
        if (sliding != null) sliding.close();
        latestAdjoint = new TripleBuffer<>(() -> new LatestAdjoint(spec));
        beta = student.dynamics().beta();
        // Windows twice as long as what is shown of each: λ has at least one window of future behind it.
        int batch = student.batch();
        sliding = SlidingAdjoint.inBackground(spec, batch, windowSteps, 2 * windowSteps, ADJOINT_WORKER_SHARE,
                s -> adjointComputed(s, batch, dt), clock);
        sliding.begin(student, sim.stepCount());
        alignedTarget = new double[student.batch() * spec.outputs()];
        int layers = spec.layerCount();
        previousWeights = new double[layers][];
        publishedWeights = new double[layers][];
        weightChangeSum = new double[layers];
        weightNorm = new double[layers];
        for (int l = 0; l < layers; l++) {
            previousWeights[l] = student.weights(l).clone();
            publishedWeights[l] = student.weights(l).clone();
            weightNorm[l] = norm(student.weights(l));
        }
        lossSum = 0;
        blockSteps = 0;
        sinceRow = 0;
        rowsSinceClock = 0;
        clockEvery = 1;
        rowsSinceSnapshot = 0;
        lastSnapshotTime = sim.time();
        publishSnapshot(sim);
    }

    @Override
    public void afterStep(GleSimulation sim) {
        GleNetwork student = sim.student();
        GleNetwork teacher = sim.teacher();
        Selection sel = selection;
        double dt = student.dynamics().dt();
        double b = student.dynamics().beta();
        if (b != beta) beta = b; // β is edited rarely: spare the volatile write per step

        double[] aligned = teacher != null ? teacher.output() : sim.target();
        System.arraycopy(aligned, 0, alignedTarget, 0, alignedTarget.length);
        sliding.record(sim.input(), alignedTarget, student, dt);

        for (int l = 0; l < previousWeights.length; l++) {
            double[] w = student.weights(l);
            double[] prev = previousWeights[l];
            double sq = 0;
            double norm = 0;
            for (int k = 0; k < w.length; k++) {
                double d = w[k] - prev[k];
                sq += d * d;
                norm += w[k] * w[k];
                prev[k] = w[k];
            }
            weightChangeSum[l] += Math.sqrt(sq);
            // In the same pass: with a row every step a second pass over the weights would double this loop.
            weightNorm[l] = Math.sqrt(norm);
        }
        lossSum += sim.loss();
        blockSteps++;

        long every = stride(dt);
        if (++sinceRow >= every) {
            sinceRow = 0;
            writeRow(sim, sel);
            if (++rowsSinceClock >= clockEvery) {
                rowsSinceClock = 0;
                rowsSinceSnapshot += clockEvery;
                long now = System.nanoTime();
                if (now - lastSnapshotNanos >= SNAPSHOT_PERIOD_NANOS) {
                    publishSnapshot(sim);
                    lastSnapshotNanos = now;
                    // With a row every step, reading the clock (~25 ns) every row was a seventh of LagLine's step at
                    // batch 1: read it about 16 times a snapshot period, but at least every MAX_ROWS_PER_CLOCK rows
                    // (a slowed-down run sees its next snapshot at most that many rows late).
                    clockEvery = (int) Math.max(1, Math.min(MAX_ROWS_PER_CLOCK, rowsSinceSnapshot / 16));
                    rowsSinceSnapshot = 0;
                    dirty = false;
                    return;
                }
            }
        }
        dirty = true;
    }

    @Override
    public void idle(GleSimulation sim) {
        if (dirty) {
            publishSnapshot(sim);
            dirty = false;
        }
    }

    private void writeRow(GleSimulation sim, Selection sel) {
        GleNetwork student = sim.student();
        GleNetwork teacher = sim.teacher();
        double[] r = row;
        r[0] = sel.generation();
        int c = 1;
        double[] x = sim.input();
        for (int i = 0; i < inputsShown; i++) r[c++] = x[i];
        double[] target = sim.target();
        for (int i = 0; i < outputsShown; i++) r[c++] = target[i];
        double[] out = student.output();
        for (int i = 0; i < outputsShown; i++) r[c++] = out[i];
        NeuronId[] neurons = sel.neurons();
        for (int s = 0; s < SLOTS; s++) {
            if (s >= neurons.length) {
                for (int q = 0; q < SLOT_QUANTITIES.length; q++) r[c++] = Double.NaN;
                continue;
            }
            int l = neurons[s].layer();
            int i = neurons[s].index();
            r[c++] = student.value(Quantity.SOMATIC_POTENTIAL, l, 0, i);
            r[c++] = student.value(Quantity.BASAL_POTENTIAL, l, 0, i);
            r[c++] = student.value(Quantity.APICAL_POTENTIAL, l, 0, i);
            r[c++] = student.value(Quantity.RATE, l, 0, i);
            r[c++] = student.value(Quantity.INSTANTANEOUS_RATE, l, 0, i);
            r[c++] = teacherHas(teacher, l, i) ? teacher.value(Quantity.RATE, l, 0, i) : Double.NaN;
            r[c++] = student.value(Quantity.PROSPECTIVE_ERROR, l, 0, i);
            r[c++] = student.value(Quantity.INSTANTANEOUS_ERROR, l, 0, i);
        }
        r[c++] = blockSteps == 0 ? sim.loss() : lossSum / blockSteps;
        r[c++] = latestAdjoint.front().alignment;
        int layers = spec.layerCount();
        for (int l = 0; l < layers; l++) r[c++] = weightNorm[l];
        for (int l = 0; l < layers; l++) {
            r[c++] = blockSteps == 0 ? 0 : weightChangeSum[l] / blockSteps;
            weightChangeSum[l] = 0;
        }
        for (NeuronId n : tauNeurons) r[c++] = student.tauM(n.layer())[n.index()];
        lossSum = 0;
        blockSteps = 0;
        trace.write(sim.time(), r);
    }

    private static boolean teacherHas(GleNetwork teacher, int l, int i) {
        return teacher != null && l < teacher.spec().layerCount() && i < teacher.spec().layer(l).size();
    }

    /**
     * Adjoint worker: writes the exact error and −λ of the selected neurons for the window just computed, on
     * the same decimation grid as the trace, and hands both at the first step and its alignment to the
     * simulation thread.
     */
    private void adjointComputed(SlidingAdjoint sliding, int batch, double dt) {
        long every = stride(dt);
        long start = sliding.computedStart();
        Selection sel = selection;
        NeuronId[] neurons = sel.neurons();
        // ExactAdjoint averages the loss over the batch: × batch gives sample 0's own adjoint. GLE's errors are
        // those of β·L, per unit time: × −β/dt puts ∂L/∂s in ĕ's units and sign.
        double toError = -beta * batch / dt;
        lambdaRow[0] = sel.generation();
        for (int t = 0; t < sliding.stride(); t++) {
            long step = start + t + 1;
            if (step % every != 0) continue;
            for (int s = 0; s < SLOTS; s++) {
                boolean shown = s < neurons.length;
                int l = shown ? neurons[s].layer() : 0;
                int i = shown ? neurons[s].index() : 0;
                lambdaRow[lambdaChannel(s)] = shown ? -batch * sliding.lambda(t, l)[i] : Double.NaN;
                lambdaRow[exactErrorChannel(s)] = shown ? toError * sliding.basalGradient(t, l)[i] : Double.NaN;
            }
            lambdaTrace.write(step * dt, lambdaRow);
        }
        LatestAdjoint latest = latestAdjoint.back();
        for (int l = 0; l < latest.lambda.length; l++) {
            double[] lambda = sliding.lambda(0, l);
            double[] basal = sliding.basalGradient(0, l);
            for (int i = 0; i < latest.lambda[l].length; i++) {
                latest.lambda[l][i] = batch * lambda[i];
                latest.exactError[l][i] = toError * basal[i];
            }
        }
        latest.time = (start + 1) * dt;
        latest.alignment = sliding.alignment();
        latestAdjoint.publish();
    }

    private void publishSnapshot(GleSimulation sim) {
        GleNetwork student = sim.student();
        NetworkSnapshot s = snapshots.back();
        System.arraycopy(sim.input(), 0, s.input, 0, s.input.length);
        LatestAdjoint adjoint = latestAdjoint.front();
        for (int l = 0; l < spec.layerCount(); l++) {
            int n = spec.layer(l).size();
            for (int i = 0; i < n; i++) {
                s.u[l][i] = student.value(Quantity.SOMATIC_POTENTIAL, l, 0, i);
                s.rate[l][i] = student.value(Quantity.RATE, l, 0, i);
                s.prospectiveError[l][i] = student.value(Quantity.PROSPECTIVE_ERROR, l, 0, i);
                s.instantaneousError[l][i] = student.value(Quantity.INSTANTANEOUS_ERROR, l, 0, i);
                s.basal[l][i] = student.value(Quantity.BASAL_POTENTIAL, l, 0, i);
                s.lambda[l][i] = Double.isNaN(adjoint.time) ? Double.NaN : adjoint.lambda[l][i];
                s.exactError[l][i] = Double.isNaN(adjoint.time) ? Double.NaN : adjoint.exactError[l][i];
            }
            System.arraycopy(student.tauM(l), 0, s.tauM[l], 0, n);
            System.arraycopy(student.tauR(l), 0, s.tauR[l], 0, n);
            double[] w = student.weights(l);
            double[] before = publishedWeights[l];
            for (int k = 0; k < w.length; k++) {
                s.weights[l][k] = w[k];
                s.weightChange[l][k] = w[k] - before[k];
                before[k] = w[k];
            }
        }
        s.lambdaTime = adjoint.time;
        s.alignment = adjoint.alignment;
        s.time = sim.time();
        s.step = sim.stepCount();
        s.elapsed = sim.time() - lastSnapshotTime;
        lastSnapshotTime = sim.time();
        snapshots.publish();
    }

    /** Steps between rows: the smallest that keeps within rowsPerTimeUnit (ceil, as the runner does). */
    private long stride(double dt) {
        return Math.max(1, (long) Math.ceil(1.0 / (dt * rowsPerTimeUnit) - 1e-9));
    }

    private static double norm(double[] a) {
        double sq = 0;
        for (double v : a) sq += v * v;
        return Math.sqrt(sq);
    }
}
