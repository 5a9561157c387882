package org.prospect.engine.experiment;

import java.util.List;
import org.prospect.engine.adjoint.ExactAdjoint;
import org.prospect.engine.adjoint.Trajectory;
import org.prospect.engine.gle.Dynamics;
import org.prospect.engine.gle.GleNetwork;
import org.prospect.engine.gle.LearningSpec;
import org.prospect.engine.gle.NetworkSpec;
import org.prospect.engine.gle.Optimizer;
import org.prospect.engine.gle.Quantity;
import org.prospect.engine.gle.TargetLoss;
import org.prospect.engine.task.Signal;
import org.prospect.engine.task.TargetSpec;
import org.prospect.engine.task.Teachers;

/**
 * A running GLE experiment: the student network, its teacher or target signal, its input, the learner
 * (GLE plasticity or truncated BPTT) and the phases. Not thread-safe: one thread steps it; others read
 * what it publishes through probes. {@link #step} allocates nothing.
 */
public final class GleSimulation {
    private final GleExperiment experiment;
    private final GleNetwork student;
    private final GleNetwork teacher;
    private Signal input;
    private org.prospect.engine.task.SignalSpec inputSpec;
    private long inputSince;
    private final SequenceClassification classification;
    private final Signal targetSignal;
    private final double[] x;
    private final double[] target;
    private final double[] alignedTarget;
    private final double[][] tauMUsed;
    private final double[][] heldTauM;
    private final long[] phaseEnds;
    private final Optimizer optimizer;
    private final Trajectory window;
    private final ExactAdjoint adjoint;
    private LearningSpec learning;
    private int phase = -1;
    private long step;
    private double loss;

    public GleSimulation(GleExperiment experiment) {
        this.experiment = experiment;
        NetworkSpec spec = experiment.network();
        int batch = experiment.batch();
        this.learning = experiment.learning();
        student = new GleNetwork(spec, experiment.initialWeights(), experiment.dynamics(), batch);
        if (experiment.target() instanceof TargetSpec.Dataset d) {
            input = null;
            teacher = null;
            targetSignal = null;
            classification = new SequenceClassification(d, student, experiment.seed());
        } else if (experiment.target() instanceof TargetSpec.Teacher t) {
            input = experiment.input().create(batch, experiment.dynamics().dt(), experiment.seed());
            classification = null;
            teacher = new GleNetwork(Teachers.spec(spec, t), t.weights(), experiment.dynamics(), batch);
            teacher.setErrorsEnabled(false);
            targetSignal = null;
        } else {
            input = experiment.input().create(batch, experiment.dynamics().dt(), experiment.seed());
            classification = null;
            teacher = null;
            TargetSpec.SignalTarget s = (TargetSpec.SignalTarget) experiment.target();
            targetSignal = s.signal().create(batch, experiment.dynamics().dt(), experiment.seed() + 1);
        }
        x = new double[batch * spec.inputs()];
        target = new double[batch * spec.outputs()];
        alignedTarget = new double[batch * spec.outputs()];
        tauMUsed = new double[spec.layerCount()][];
        heldTauM = new double[spec.layerCount()][];
        for (int l = 0; l < spec.layerCount(); l++) {
            tauMUsed[l] = student.tauM(l).clone();
            heldTauM[l] = new double[spec.layer(l).size()];
        }
        List<Phase> phases = experiment.phases();
        phaseEnds = new long[phases.size()];
        double end = 0;
        for (int i = 0; i < phases.size(); i++) {
            end += phases.get(i).duration();
            phaseEnds[i] = Math.round(end / experiment.dynamics().dt());
        }

        optimizer = new Optimizer(learning.optimizer());
        boolean bptt = learning.rule() == LearningSpec.Rule.TRUNCATED_BPTT;
        if (bptt) {
            int capacity = (int) Math.max(1, Math.round(learning.bpttWindow() / experiment.dynamics().dt()));
            window = new Trajectory(spec, batch, capacity);
            adjoint = new ExactAdjoint(spec, batch, capacity);
            student.setErrorsEnabled(false);
        } else {
            window = null;
            adjoint = null;
        }
        for (int l = 0; l < spec.layerCount(); l++) {
            if (!spec.layer(l).plastic()) continue; // fixed: the optimizer never sees its parameters
            optimizer.add(student.weights(l), bptt ? adjoint.weightGradient(l) : student.weightGradient(l));
            if (student.hasBias(l)) {
                optimizer.add(student.biases(l), bptt ? adjoint.biasGradient(l) : student.biasGradient(l));
            }
            if (learning.learnTauM()) {
                optimizer.add(student.tauM(l), bptt ? adjoint.tauMGradient(l) : student.tauMGradient(l));
            }
        }
    }

    /** Advances the whole experiment by one step dt. */
    public void step() {
        enterPhase();
        boolean plastic = learningActive();
        if (classification != null) {
            classification.current(x, target);
        } else if (teacher != null) {
            input.sample(step, x);
            // The teacher's previous-step output is the student's target at this step (GLE.md, notes).
            System.arraycopy(teacher.output(), 0, target, 0, target.length);
            teacher.step(x, null);
        } else {
            input.sample(step, x);
            targetSignal.sample(step, target);
        }
        // The student's output is still the previous step's here: the output the target is compared with.
        loss = outputLoss(target, student.output());
        if (learning.learnTauM()) {
            // Only learning changes τ_m after the step; otherwise tauMUsed is the live τ_m itself.
            for (int l = 0; l < tauMUsed.length; l++) {
                System.arraycopy(student.tauM(l), 0, tauMUsed[l], 0, tauMUsed[l].length);
            }
        }
        if (window == null) {
            student.setComputeGradients(plastic);
            student.step(x, target);
            if (plastic) {
                optimizer.step(learning.rate());
                clampTauM();
            }
        } else {
            stepTruncatedBptt(plastic);
        }
        step++;
        if (classification != null) classification.afterStep(this, loss);
    }

    /** Truncated BPTT: free forward dynamics, one exact-gradient update at the end of each window. */
    private void stepTruncatedBptt(boolean plastic) {
        if (window.length() == 0) window.begin(student);
        student.step(x, null);
        if (teacher != null) {
            System.arraycopy(teacher.output(), 0, alignedTarget, 0, alignedTarget.length);
        } else {
            System.arraycopy(target, 0, alignedTarget, 0, alignedTarget.length);
        }
        window.record(x, alignedTarget, student);
        if (window.isFull()) {
            if (plastic) {
                // Loss Σ_t β·ℓ_t over the window: one update carries the window's summed credit.
                adjoint.compute(window, student, student.dynamics().beta());
                optimizer.step(learning.rate());
                clampTauM();
            }
            window.begin(student);
        }
    }

    private void clampTauM() {
        if (!learning.learnTauM()) return;
        double min = learning.tauMin();
        for (int l = 0; l < tauMUsed.length; l++) {
            if (!experiment.network().layer(l).plastic()) continue;
            double[] t = student.tauM(l);
            for (int i = 0; i < t.length; i++) if (t[i] < min) t[i] = min;
        }
    }

    private void enterPhase() {
        if (phaseEnds.length == 0) return;
        int next = phase < 0 ? 0 : phase;
        while (next < phaseEnds.length - 1 && step >= phaseEnds[next]) next++;
        if (next == phase) return;
        List<Phase> phases = experiment.phases();
        if (phase >= 0 && phases.get(phase).teacherTauM() && teacher != null) {
            for (int l = 0; l < heldTauM.length; l++) {
                System.arraycopy(heldTauM[l], 0, student.tauM(l), 0, heldTauM[l].length);
            }
        }
        if (phases.get(next).teacherTauM() && teacher != null) {
            for (int l = 0; l < heldTauM.length; l++) {
                System.arraycopy(student.tauM(l), 0, heldTauM[l], 0, heldTauM[l].length);
                System.arraycopy(teacher.tauM(l), 0, student.tauM(l), 0, heldTauM[l].length);
            }
        }
        phase = next;
    }

    private double outputLoss(double[] t, double[] out) {
        int n = experiment.network().outputs();
        int batch = experiment.batch();
        double sum = 0;
        if (student.dynamics().loss() == TargetLoss.MSE) {
            // One flat loop over samples and outputs (the same order as sample by sample), not a short one per sample.
            for (int k = 0; k < batch * n; k++) {
                double d = t[k] - out[k];
                sum += 0.5 * d * d;
            }
            return sum / batch;
        }
        for (int s = 0; s < batch; s++) {
            int off = s * n;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) max = Math.max(max, out[off + i]);
            double z = 0;
            for (int i = 0; i < n; i++) z += Math.exp(out[off + i] - max);
            double logZ = max + Math.log(z);
            for (int i = 0; i < n; i++) sum -= t[off + i] * (out[off + i] - logZ);
        }
        return sum / batch;
    }

    /** Whether plasticity acts in the coming step: learning enabled and the current phase allows it. */
    public boolean learningActive() {
        if (!learning.enabled()) return false;
        if (phaseEnds.length == 0) return true;
        int p = phase < 0 ? 0 : phase;
        return experiment.phases().get(p).learning();
    }

    /**
     * The first non-finite value in the state or parameters, as "layer 1 somatic potential u", or
     * {@code null} when everything is finite.
     */
    public String findNonFinite() {
        NetworkSpec spec = experiment.network();
        for (int l = 0; l < spec.layerCount(); l++) {
            if (!finite(student.state(Quantity.SOMATIC_POTENTIAL, l))) return "layer " + l + " somatic potential u";
            if (!finite(student.state(Quantity.RATE, l))) return "layer " + l + " rate r";
            if (!finite(student.state(Quantity.PROSPECTIVE_ERROR, l))) return "layer " + l + " prospective error ĕ";
            if (!finite(student.weights(l))) return "layer " + l + " weights W";
            if (!finite(student.biases(l))) return "layer " + l + " biases b";
            if (!finite(student.tauM(l))) return "layer " + l + " membrane time constants τ_m";
        }
        return null;
    }

    private static boolean finite(double[] a) {
        for (double v : a) if (!Double.isFinite(v)) return false;
        return true;
    }

    public GleExperiment experiment() { return experiment; }

    public GleNetwork student() { return student; }

    /** The sequence-classification task (MNIST-1D), or {@code null} for teacher and signal targets. */
    public SequenceClassification classification() { return classification; }

    /** The teacher network, or {@code null} when the targets are a signal. */
    public GleNetwork teacher() { return teacher; }

    /** Steps taken so far. */
    public long stepCount() { return step; }

    /** Simulated time reached, in time units. */
    public double time() { return step * student.dynamics().dt(); }

    /** The input of the last step, [batch][inputs] (live view). */
    public double[] input() { return x; }

    /** The target given to the student in the last step, [batch][outputs] (live view). */
    public double[] target() { return target; }

    /** The output loss seen in the last step, batch mean: ½‖target − r‖² (MSE) or the cross-entropy. */
    public double loss() { return loss; }

    /** The τ_m layer l used in the last step, before that step's plasticity (live view). */
    public double[] tauMUsed(int l) { return learning.learnTauM() ? tauMUsed[l] : student.tauM(l); }

    public LearningSpec learning() { return learning; }

    /** Learning on or off from the next step on. */
    public void setLearningEnabled(boolean on) { learning = learning.withEnabled(on); }

    public void setLearningRate(double rate) { learning = learning.withRate(rate); }

    /** New γ, β, prospective errors or dt from the next step on, for student and teacher alike. */
    public void setDynamics(Dynamics d) {
        student.setDynamics(d);
        if (teacher != null) teacher.setDynamics(d);
    }

    /**
     * New time constants for the student's layer {@code l} from the next step on (a live edit). Values must
     * be ≥ dt; learned τ_m go on learning from the new values.
     */
    public void setTimeConstants(int l, double[] tauM, double[] tauR) {
        double dt = student.dynamics().dt();
        int n = experiment.network().layer(l).size();
        if (tauM.length != n || tauR.length != n) throw new IllegalArgumentException("layer " + l + " has " + n + " neurons");
        for (int i = 0; i < n; i++) {
            if (!(tauM[i] >= dt) || !(tauR[i] >= dt)) {
                throw new IllegalArgumentException("time constants must be ≥ dt = " + dt);
            }
        }
        student.setTimeConstants(l, tauM, tauR);
    }

    /** A new input signal from the next step on, e.g. after an edit of its parameters; same channel count. */
    public void setInput(org.prospect.engine.task.SignalSpec spec) {
        if (classification != null) throw new IllegalStateException("the data set provides the input");
        if (spec.channels() != experiment.network().inputs()) {
            throw new IllegalArgumentException("input needs " + experiment.network().inputs() + " channels, got " + spec.channels());
        }
        input = spec.create(experiment.batch(), student.dynamics().dt(), experiment.seed());
        inputSpec = spec;
        inputSince = step;
    }

    /** A copy of everything that changed since the simulation was built, for saving a session. */
    public SimulationState saveState() {
        double[][] held = new double[heldTauM.length][];
        for (int l = 0; l < held.length; l++) held[l] = heldTauM[l].clone();
        return new SimulationState(step, phase, loss, learning, student.dynamics(),
                inputSpec == null ? experiment.input() : inputSpec, inputSince, student.exportState(),
                teacher == null ? null : teacher.exportState(), held, optimizer.moments(), optimizer.updates(),
                window == null ? null : window.exportState(),
                classification == null ? null : classification.save(step), x.clone(), target.clone());
    }

    /**
     * Continues from a saved state. Only on a fresh simulation (no step taken) of the experiment the state was
     * saved from; noise signals are replayed to the saved step so their random streams line up.
     */
    public void restoreState(SimulationState s) {
        if (step != 0) throw new IllegalStateException("restore into a fresh simulation only");
        learning = s.learning();
        setDynamics(s.dynamics());
        student.importState(s.student());
        if (teacher != null) teacher.importState(s.teacher());
        for (int l = 0; l < heldTauM.length; l++) System.arraycopy(s.heldTauM()[l], 0, heldTauM[l], 0, heldTauM[l].length);
        optimizer.restore(s.optimizerMoments(), s.optimizerUpdates());
        if (window != null && s.window() != null) window.importState(s.window());
        if (classification != null) classification.restore(s.classification());
        double[] scratchX = new double[x.length];
        double[] scratchT = new double[target.length];
        if (classification == null) {
            double dt = student.dynamics().dt();
            input = s.input().create(experiment.batch(), dt, experiment.seed());
            inputSpec = s.input();
            inputSince = s.inputSince();
            for (long t = inputSince; t < s.step(); t++) input.sample(t, scratchX);
            if (targetSignal != null) for (long t = 0; t < s.step(); t++) targetSignal.sample(t, scratchT);
        }
        // The arrays the probes read show the last step's input and target, as after that step.
        System.arraycopy(s.lastInput(), 0, x, 0, x.length);
        System.arraycopy(s.lastTarget(), 0, target, 0, target.length);
        step = s.step();
        phase = s.phase();
        loss = s.loss();
    }
}
