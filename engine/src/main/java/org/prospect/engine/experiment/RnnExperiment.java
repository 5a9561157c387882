package org.prospect.engine.experiment;

import java.util.ArrayList;
import java.util.List;
import org.prospect.engine.rnn.LearningRule;
import org.prospect.engine.rnn.RnnComparison;
import org.prospect.engine.rnn.RnnSpec;
import org.prospect.engine.rnn.Rule;
import org.prospect.engine.rnn.TrainingSpec;
import org.prospect.engine.rnn.XorSpec;

/**
 * A delayed-XOR RNN experiment ({@code "model": "rnn"}, see MODPROP.md and the README): the network, the task,
 * the training and one or more rules trained side by side from the same initial weights on the same batches.
 *
 * @param iterations the run's length in training iterations
 * @param rules      the rules, in the file's order (labels unique)
 */
public record RnnExperiment(String name, String description, RnnSpec network, XorSpec task, TrainingSpec training,
                            int iterations, List<RuleEntry> rules) implements Experiment {
    /**
     * One trained rule: its label (unique in the file), the rule and whether each iteration also computes BPTT's
     * gradient on the same batch and weights to measure the rule's alignment (cosine of ∂E/∂W with BPTT's).
     */
    public record RuleEntry(String label, LearningRule rule, boolean aligned) {}

    public RnnExperiment {
        rules = List.copyOf(rules);
        if (rules.isEmpty()) throw new IllegalArgumentException("no rules");
        if (iterations <= 0) throw new IllegalArgumentException("iterations must be positive");
    }

    /** The rules' labels, in order. */
    public List<String> labels() {
        return rules.stream().map(RuleEntry::label).toList();
    }

    /**
     * The field settings that turn {@code file}'s experiment into this one's learning rate and μ, the two values
     * the app's RNN sheet changes: {@code training.learningRate} and {@code rules[i].mu} of each ModProp rule
     * (the reader requires ModProp rules as objects with a {@code mu}), only where they differ.
     */
    public Settings editsAgainst(RnnExperiment file) {
        java.util.Map<String, String> edits = new java.util.LinkedHashMap<>();
        double rate = training.learningRate();
        if (Double.compare(rate, file.training().learningRate()) != 0) edits.put("training.learningRate", String.valueOf(rate));
        for (int i = 0; i < rules.size() && i < file.rules().size(); i++) {
            LearningRule r = rules.get(i).rule();
            if (r.rule() == Rule.MODPROP && Double.compare(r.mu(), file.rules().get(i).rule().mu()) != 0) {
                edits.put("rules[" + i + "].mu", String.valueOf(r.mu()));
            }
        }
        return new Settings(edits);
    }

    /** The same experiment with another (initial) learning rate. */
    public RnnExperiment withLearningRate(double rate) {
        return new RnnExperiment(name, description, network, task, training.withLearningRate(rate), iterations, rules);
    }

    /** The same experiment with μ = {@code mu} for every ModProp rule. */
    public RnnExperiment withMu(double mu) {
        List<RuleEntry> out = new ArrayList<>();
        for (RuleEntry e : rules) {
            LearningRule r = e.rule();
            if (r.rule() == Rule.MODPROP) r = new LearningRule(Rule.MODPROP, mu, r.cellSpecific());
            out.add(new RuleEntry(e.label(), r, e.aligned()));
        }
        return new RnnExperiment(name, description, network, task, training, iterations, out);
    }

    /** μ of the first ModProp rule, or NaN when there is none. */
    public double mu() {
        for (RuleEntry e : rules) if (e.rule().rule() == Rule.MODPROP) return e.rule().mu();
        return Double.NaN;
    }

    /**
     * A fresh run of every rule from the initial weights: rule k computes its alignment with BPTT when it is
     * {@link RuleEntry#aligned() aligned} and not BPTT itself (BPTT's alignment is 1 by definition).
     */
    public RnnComparison newComparison() {
        List<LearningRule> learning = new ArrayList<>();
        List<List<LearningRule>> compared = new ArrayList<>();
        for (RuleEntry e : rules) {
            learning.add(e.rule());
            compared.add(e.aligned() && e.rule().rule() != Rule.BPTT ? List.of(e.rule()) : List.of());
        }
        return RnnComparison.comparingPerRule(network, task, training, learning, compared);
    }

    /** The alignment of rule k from its iteration metrics: NaN when not measured, 1 for BPTT. */
    public double alignment(int k, org.prospect.engine.rnn.IterationMetrics m) {
        RuleEntry e = rules.get(k);
        if (!e.aligned()) return Double.NaN;
        if (e.rule().rule() == Rule.BPTT) return 1.0;
        Double a = m.alignment().get(e.rule().label());
        return a == null ? Double.NaN : a;
    }
}
