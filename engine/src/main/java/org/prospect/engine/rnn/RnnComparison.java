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

    public RnnComparison(RnnSpec spec, XorSpec task, TrainingSpec training, List<LearningRule> rules,
                         List<LearningRule> compared) {
        if (rules.isEmpty()) throw new IllegalArgumentException("no rules to train");
        this.training = training;
        RnnWeights initial = RnnWeights.initial(spec);
        RnnNetwork net = new RnnNetwork(spec, training.batch(), task.steps());
        RnnNetwork validationNet = new RnnNetwork(spec, training.validationBatch(), task.steps());
        for (LearningRule r : rules) {
            trainers.add(new RnnTrainer(spec, task, training, r, compared, initial, net, validationNet));
        }
        source = new DelayedXor(task, spec.seed() + RnnTrainer.TRAIN_STREAM);
    }

    public List<RnnTrainer> trainers() { return List.copyOf(trainers); }

    /** One iteration of every rule on one shared batch; metrics in the order of the rules. */
    public List<IterationMetrics> iterate() {
        Trial batch = source.next(training.batch());
        List<IterationMetrics> out = new ArrayList<>(trainers.size());
        for (RnnTrainer t : trainers) out.add(t.iterate(batch));
        return out;
    }
}
