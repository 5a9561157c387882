package org.prospect.engine.rnn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prospect.engine.gle.Optimizer;

/**
 * Trains an {@link RnnSpec} network on delayed XOR with one {@link LearningRule}: per iteration a batch, the
 * rule's gradient plus L2, an optimizer step at the decayed rate, Dale clipping; optionally the gradients of other
 * rules on the same batch and weights with their cosine to BPTT's (alignment), and validation on a fixed batch.
 * Deterministic given the spec's seed: weights from {@code seed}, training batches from {@code seed + 1_000_003},
 * the validation batch from {@code seed + 2_000_003}.
 */
public final class RnnTrainer {
    static final long TRAIN_STREAM = 1_000_003L;
    static final long VALIDATION_STREAM = 2_000_003L;

    private final RnnSpec spec;
    private final TrainingSpec training;
    private final LearningRule rule;
    private final List<LearningRule> compared;
    private final RnnWeights weights;
    private final Optimizer optimizer;
    private final DelayedXor source;
    private final Trial validation;
    private final RnnNetwork net;
    private final RnnNetwork validationNet;
    private final Gradients grad;
    private final Gradients reference;
    private final Gradients other;
    private int iteration;
    private boolean learning = true;

    /** A trainer with its own batches, starting from {@link RnnWeights#initial}. */
    public RnnTrainer(RnnSpec spec, XorSpec task, TrainingSpec training, LearningRule rule,
                      List<LearningRule> compared) {
        this(spec, task, training, rule, compared, RnnWeights.initial(spec), null, null);
    }

    /** Shares workspaces (and so memory) between trainers run one after the other by {@link RnnComparison}. */
    RnnTrainer(RnnSpec spec, XorSpec task, TrainingSpec training, LearningRule rule, List<LearningRule> compared,
               RnnWeights initial, RnnNetwork sharedNet, RnnNetwork sharedValidationNet) {
        this.spec = spec;
        this.training = training;
        this.rule = rule;
        this.compared = List.copyOf(compared);
        this.weights = initial.copy();
        this.optimizer = new Optimizer(training.optimizer());
        grad = new Gradients(spec);
        reference = new Gradients(spec);
        other = new Gradients(spec);
        optimizer.add(weights.wIn, grad.dWin);
        optimizer.add(weights.w, grad.dW);
        optimizer.add(weights.wOut, grad.dWout);
        optimizer.add(weights.bOut, grad.dbOut);
        source = new DelayedXor(task, spec.seed() + TRAIN_STREAM);
        validation = new DelayedXor(task, spec.seed() + VALIDATION_STREAM).next(training.validationBatch());
        net = sharedNet != null ? sharedNet : new RnnNetwork(spec, training.batch(), task.steps());
        validationNet = sharedValidationNet != null ? sharedValidationNet
                : new RnnNetwork(spec, training.validationBatch(), task.steps());
    }

    public RnnSpec spec() { return spec; }

    public TrainingSpec training() { return training; }

    public LearningRule rule() { return rule; }

    /** The live weights being trained. */
    public RnnWeights weights() { return weights; }

    /** The workspace holding the last training batch's trajectory and δ (of the training rule). */
    public RnnNetwork network() { return net; }

    /** The last gradient applied (rule + L2), live. */
    public Gradients gradient() { return grad; }

    /** Whether iterations update the weights (true by default); off, they only measure. */
    public boolean learning() { return learning; }

    /** Learning off: iterations still draw batches, measure and validate, but leave the weights alone. */
    public void setLearning(boolean on) { learning = on; }

    /**
     * What training has changed since the trainer was built: weights, optimizer moments and update count, the
     * iteration count (which also fixes the decayed rate) and learning on/off. Arrays are copies.
     */
    public record Saved(double[] wIn, double[] w, double[] wOut, double[] bOut, double[][] moments, long updates,
                        int iteration, boolean learning) {}

    public Saved save() {
        return new Saved(weights.wIn.clone(), weights.w.clone(), weights.wOut.clone(), weights.bOut.clone(),
                optimizer.moments(), optimizer.updates(), iteration, learning);
    }

    /** Puts back a {@link #save()} of a trainer of the same spec and rule. */
    public void restore(Saved s) {
        weights.setTo(RnnWeights.of(spec, s.wIn(), s.w(), s.wOut(), s.bOut()));
        optimizer.restore(s.moments(), s.updates());
        iteration = s.iteration();
        learning = s.learning();
    }

    /** Iterations done. */
    public int iteration() { return iteration; }

    /** One iteration on the next batch of this trainer's own stream. */
    public IterationMetrics iterate() {
        return iterate(source.next(training.batch()));
    }

    /** One iteration on {@code batch}. */
    public IterationMetrics iterate(Trial batch) {
        long start = System.nanoTime();
        double ce = net.forward(weights, batch);
        double accuracy = net.accuracy();
        Map<String, Double> align = new LinkedHashMap<>();
        Map<String, Double> alignIn = new LinkedHashMap<>();
        boolean needReference = !compared.isEmpty();
        if (needReference) {
            net.backward(LearningRule.bptt(), reference);
            for (LearningRule r : compared) {
                if (r.equals(rule)) continue;
                Gradients g = reference;
                if (r.rule() != Rule.BPTT) {
                    net.backward(r, other);
                    g = other;
                }
                align.put(r.label(), g.cosineRecurrent(reference));
                alignIn.put(r.label(), g.cosineInputAndRecurrent(reference));
            }
        }
        // The training rule last, so that the workspace keeps its δ.
        net.backward(rule, grad);
        if (needReference && compared.contains(rule)) {
            align.put(rule.label(), grad.cosineRecurrent(reference));
            alignIn.put(rule.label(), grad.cosineInputAndRecurrent(reference));
        }
        double l2Term = 0.5 * training.l2() * (Gradients.dot(weights.wIn, weights.wIn)
                + Gradients.dot(weights.w, weights.w) + Gradients.dot(weights.wOut, weights.wOut));
        grad.addL2(weights, training.l2());
        double rate = training.rateAt(iteration);
        if (learning) {
            optimizer.step(rate);
            weights.applyDale();
        }
        double valLoss = Double.NaN;
        double valAcc = Double.NaN;
        int every = training.validateEvery();
        if (every > 0 && (iteration + 1) % every == 0) {
            valLoss = validationNet.forward(weights, validation);
            valAcc = validationNet.accuracy();
        }
        double ms = (System.nanoTime() - start) / 1e6;
        IterationMetrics m = new IterationMetrics(iteration, rule.label(), rate, ce + l2Term, ce, accuracy, valLoss,
                valAcc, align, alignIn, ms);
        iteration++;
        return m;
    }

    /** Runs {@code count} iterations and returns their metrics. */
    public List<IterationMetrics> run(int count) {
        List<IterationMetrics> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) out.add(iterate());
        return out;
    }

    /** Validation cross-entropy and accuracy of the current weights: {loss, accuracy}. */
    public double[] validate() {
        double loss = validationNet.forward(weights, validation);
        return new double[] {loss, validationNet.accuracy()};
    }
}
