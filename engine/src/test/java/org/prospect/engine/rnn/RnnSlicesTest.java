package org.prospect.engine.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch slices of {@link RnnNetwork}: the same numbers on one thread or two, and no allocation per pass. */
class RnnSlicesTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** 13 units (10 E, 3 I): not a multiple of the kernel's four rows, so its remainder loops run too. */
    private static final RnnSpec SPEC = new RnnSpec(13, 2, 2, 1.0, 5.0, 0.75, 2, 31);

    private static final List<LearningRule> RULES = List.of(LearningRule.bptt(), LearningRule.eprop(),
            LearningRule.mdgl(), LearningRule.mdglCellSpecific(), LearningRule.modProp(0.25),
            LearningRule.modPropCellSpecific(0.25));

    @Test
    void oneThreadAndTwoGiveIdenticalNumbers() {
        RnnWeights w = RnnTesting.scaled(SPEC, 1.0, 1.3);
        Trial trial = RnnTesting.randomTrial(SPEC, 20, 5, -0.3, 32);
        RnnNetwork one = new RnnNetwork(SPEC, 5, 20);
        RnnNetwork two = new RnnNetwork(SPEC, 5, 20);
        one.setParallel(false);
        two.setParallel(true);
        assertEquals(one.forward(w, trial), two.forward(w, trial));
        assertArrayEquals(one.potentials(), two.potentials());
        assertArrayEquals(one.logits(), two.logits());
        for (LearningRule rule : RULES) {
            Gradients a = new Gradients(SPEC);
            Gradients b = new Gradients(SPEC);
            one.backward(rule, a);
            two.backward(rule, b);
            assertArrayEquals(one.delta(), two.delta(), rule.label());
            assertArrayEquals(a.dW, b.dW, rule.label());
            assertArrayEquals(a.dWin, b.dWin, rule.label());
            assertArrayEquals(a.dWout, b.dWout, rule.label());
        }
    }

    @Test
    void passesAllocateNothing() {
        RnnWeights w = RnnTesting.scaled(SPEC, 1.0, 1.3);
        Trial trial = RnnTesting.randomTrial(SPEC, 50, 8, -0.3, 33);
        RnnNetwork net = new RnnNetwork(SPEC, 8, 50);
        net.setParallel(true);
        Gradients g = new Gradients(SPEC);
        // ModProp and MDGL with W_ab form W's type means once per pass, into the network's own array.
        List<LearningRule> rules = List.of(LearningRule.bptt(), LearningRule.eprop(),
                LearningRule.modPropCellSpecific(0.25), LearningRule.modProp(0.25), LearningRule.mdgl());
        for (int i = 0; i < 3000; i++) { // let the JIT settle
            net.forward(w, trial);
            net.backward(rules.get(i % rules.size()), g);
        }
        long helper = helperId();
        assertNotEquals(-1, helper, "the second slice runs on a helper thread");
        long me = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(me) + THREADS.getThreadAllocatedBytes(helper);
        int passes = 3000;
        for (int i = 0; i < passes; i++) {
            net.forward(w, trial);
            net.backward(rules.get(i % rules.size()), g);
        }
        long bytes = THREADS.getThreadAllocatedBytes(me) + THREADS.getThreadAllocatedBytes(helper) - before;
        // One boxed value per pass would be ≥ 48 kB here; allow only measurement noise.
        assertEquals(0, bytes / passes, "bytes allocated per forward + backward (total " + bytes + ")");
    }

    private static long helperId() {
        for (java.lang.management.ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("rnn-slice-")) return t.getThreadId();
        }
        return -1;
    }
}
