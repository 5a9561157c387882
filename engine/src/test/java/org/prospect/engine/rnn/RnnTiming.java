package org.prospect.engine.rnn;

import java.io.PrintStream;
import java.util.List;

/**
 * Not a test: prints milliseconds per training iteration (forward + the rule's backward + Adam step, no
 * validation) on the paper's setup (120 units, batch 32, 900 steps) for every rule. Run with
 * {@code java -cp engine/target/classes:engine/target/test-classes:<deps> org.prospect.engine.rnn.RnnTiming}.
 */
public final class RnnTiming {
    private RnnTiming() {}

    public static void main(String[] args) {
        report(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 20);
    }

    /** Times {@code repetitions} iterations per rule after as many warm-up iterations. */
    public static void report(PrintStream out, int repetitions) {
        RnnSpec spec = RnnSpec.paper(1);
        TrainingSpec training = TrainingSpec.paper().withValidation(32, 0);
        List<LearningRule> rules = List.of(LearningRule.bptt(), LearningRule.eprop(), LearningRule.mdgl(),
                LearningRule.modProp(LearningRule.PAPER_MU), LearningRule.modPropCellSpecific(LearningRule.PAPER_MU));
        for (LearningRule rule : rules) {
            RnnTrainer trainer = new RnnTrainer(spec, XorSpec.paper(), training, rule, List.of());
            for (int k = 0; k < repetitions; k++) trainer.iterate();
            double total = 0;
            double best = Double.MAX_VALUE;
            for (int k = 0; k < repetitions; k++) {
                double ms = trainer.iterate().millis();
                total += ms;
                best = Math.min(best, ms);
            }
            out.printf("%-24s %7.1f ms/iteration (mean), %7.1f (best)%n", rule.label(), total / repetitions, best);
        }
    }
}
