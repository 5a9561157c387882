package org.prospect.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.prospect.engine.bench.Workload;

class GleSimulationStepTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void aLearningStepAllocatesNothing() {
        // LagLine-sized: GLE plasticity and SGD every step, signal input and target.
        GleSimulation sim = new GleSimulation(Workload.LAGLINE_B100.experiment());
        for (int i = 0; i < 20_000; i++) sim.step(); // let the JIT settle
        long id = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(id);
        for (int i = 0; i < 100_000; i++) sim.step();
        long bytes = THREADS.getThreadAllocatedBytes(id) - before;
        assertEquals(0, bytes / 100_000, "bytes allocated per step (total " + bytes + ")");
    }
}
