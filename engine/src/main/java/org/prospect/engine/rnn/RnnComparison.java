package org.prospect.engine.rnn;

import java.util.ArrayList;
import java.util.List;

/**
 * Several rules trained side by side: the same initial weights ({@link RnnWeights#initial} of the spec), the same
 * training batch every iteration and the same validation batch; each rule has its own weights and optimizer. The
 * trainers run one after the other and share their workspaces.
 */
public final class RnnComparison {
    private final List<RnnTrainer> trainers = new ArrayList<>();
    private final DelayedXor source;
    private final TrainingSpec training;
    private Trial lastBatch;

    public RnnComparison(RnnSpec spec, XorSpec task, TrainingSpec training, List<LearningRule> rules,
                         List<LearningRule> compared) {
        this(spec, task, training, rules, java.util.Collections.nCopies(rules.size(), compared), true);
    }

    /**
     * Like the constructor, but rule k compares the rules {@code comparedPerRule.get(k)} with BPTT on its own
     * weights (e.g. only itself, for one alignment per rule).
     */
    public static RnnComparison comparingPerRule(RnnSpec spec, XorSpec task, TrainingSpec training,
                                                 List<LearningRule> rules, List<List<LearningRule>> comparedPerRule) {
        return new RnnComparison(spec, task, training, rules, comparedPerRule, true);
    }

    private RnnComparison(RnnSpec spec, XorSpec task, TrainingSpec training, List<LearningRule> rules,
                          List<List<LearningRule>> comparedPerRule, boolean perRule) {
        if (rules.isEmpty()) throw new IllegalArgumentException("no rules to train");
        if (comparedPerRule.size() != rules.size()) throw new IllegalArgumentException("one compared list per rule");
        this.training = training;
        RnnWeights initial = RnnWeights.initial(spec);
        RnnNetwork net = new RnnNetwork(spec, training.batch(), task.steps());
        RnnNetwork validationNet = new RnnNetwork(spec, training.validationBatch(), task.steps());
        for (int k = 0; k < rules.size(); k++) {
            trainers.add(new RnnTrainer(spec, task, training, rules.get(k), comparedPerRule.get(k), initial, net,
                    validationNet));
        }
        source = new DelayedXor(task, spec.seed() + RnnTrainer.TRAIN_STREAM);
    }

    public List<RnnTrainer> trainers() { return List.copyOf(trainers); }

    /** The batch of the last {@link #iterate()}, or null before the first. */
    public Trial lastBatch() { return lastBatch; }

    /** Learning on or off for every rule (see {@link RnnTrainer#setLearning}). */
    public void setLearning(boolean on) {
        for (RnnTrainer t : trainers) t.setLearning(on);
    }

    /** Every trainer's state and the position of the shared batch stream. */
    public record Saved(List<RnnTrainer.Saved> trainers, String stream) {}

    public Saved save() {
        List<RnnTrainer.Saved> out = new ArrayList<>();
        for (RnnTrainer t : trainers) out.add(t.save());
        return new Saved(out, source.position());
    }

    /** Puts back a {@link #save()} of a comparison of the same experiment. */
    public void restore(Saved s) {
        if (s.trainers().size() != trainers.size()) {
            throw new IllegalArgumentException("saved " + s.trainers().size() + " rules, the experiment has " + trainers.size());
        }
        for (int k = 0; k < trainers.size(); k++) trainers.get(k).restore(s.trainers().get(k));
        source.moveTo(s.stream());
    }

    /** One iteration of every rule on one shared batch; metrics in the order of the rules. */
    public List<IterationMetrics> iterate() {
        Trial batch = source.next(training.batch());
        lastBatch = batch;
        List<IterationMetrics> out = new ArrayList<>(trainers.size());
        for (RnnTrainer t : trainers) out.add(t.iterate(batch));
        return out;
    }
}
