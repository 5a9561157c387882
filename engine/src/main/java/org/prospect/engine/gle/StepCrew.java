package org.prospect.engine.gle;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Threads that share the work of one network step: the stepping thread is worker 0, daemon helpers are the
 * others. A step's phases are separated by a spin barrier ({@link #await}), since a step lasts only tens to
 * hundreds of microseconds and parking a thread costs about as much. Helpers spin a little between steps,
 * then park, and end after a second without work (so that an unused network can be collected); the next step
 * starts them again.
 *
 * <p>Only the stepping thread calls {@link #run}; allocation happens only when a helper is (re)started.
 */
final class StepCrew {
    /** The share of a step that one worker does; must call {@link #await} the same number of times in each worker. */
    interface Part {
        void run(int worker, int workers);
    }

    /** Spins before a waiting worker starts yielding its core (a loaded machine may have descheduled the other). */
    private static final int SPINS_BEFORE_YIELD = 1 << 14;
    /** Idle spins of a helper between steps before it parks. */
    private static final int SPINS_BEFORE_PARK = 1 << 16;
    private static final long IDLE_NANOS_BEFORE_EXIT = 1_000_000_000L;

    private final int workers;
    private final Part part;
    private final Helper[] helpers;
    private final AtomicInteger arrived = new AtomicInteger();
    private final boolean[] localSense;
    private volatile boolean sense;
    private volatile Throwable failure;

    StepCrew(int workers, Part part) {
        if (workers < 2) throw new IllegalArgumentException("a crew needs at least two workers");
        this.workers = workers;
        this.part = part;
        this.helpers = new Helper[workers - 1];
        this.localSense = new boolean[workers * 64]; // a cache line apart each, not to share a line
    }

    int workers() { return workers; }

    /** Runs one step on all workers and returns when every worker has finished its share. */
    void run() {
        for (int h = 0; h < helpers.length; h++) {
            Helper helper = helpers[h];
            if (helper == null || !helper.assign()) {
                helper = new Helper(h + 1);
                helpers[h] = helper;
                helper.start();
            }
        }
        try {
            part.run(0, workers);
        } finally {
            await(0);
        }
        Throwable t = failure;
        if (t != null) {
            failure = null;
            if (t instanceof RuntimeException e) throw e;
            if (t instanceof Error e) throw e;
            throw new IllegalStateException(t);
        }
    }

    /** Sense-reversing barrier: returns once all workers have arrived. */
    void await(int worker) {
        boolean next = !localSense[worker * 64];
        localSense[worker * 64] = next;
        if (arrived.incrementAndGet() == workers) {
            arrived.set(0);
            sense = next; // publishes the reset above to every worker that sees the new sense
            return;
        }
        int spins = 0;
        while (sense != next) {
            if (++spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** A helper's life: WAITING → (stepping thread) GO → WORKING → WAITING …, or WAITING → (itself) EXITED. */
    private static final int WAITING = 0;
    private static final int GO = 1;
    private static final int WORKING = 2;
    private static final int EXITED = 3;

    private final class Helper extends Thread {
        private final int worker;
        private final AtomicInteger state = new AtomicInteger(GO);
        private volatile boolean sleeping;

        Helper(int worker) {
            super("gle-step-" + worker);
            this.worker = worker;
            setDaemon(true);
        }

        /** Hands this helper the next step; false if it has ended (the caller starts a new one). */
        boolean assign() {
            while (true) {
                int s = state.get();
                if (s == EXITED) return false;
                if (s == WAITING && state.compareAndSet(WAITING, GO)) {
                    if (sleeping) LockSupport.unpark(this);
                    return true;
                }
                Thread.onSpinWait(); // still leaving the previous step's final barrier
            }
        }

        @Override public void run() {
            while (waitForStep()) {
                state.set(WORKING);
                try {
                    part.run(worker, workers);
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    await(worker);
                }
                state.set(WAITING);
            }
        }

        /** Waits to be handed a step; false once it has ended after being idle for long enough. */
        private boolean waitForStep() {
            for (int spins = 0; spins < SPINS_BEFORE_PARK; spins++) {
                if (state.get() == GO) return true;
                Thread.onSpinWait();
            }
            long idleSince = System.nanoTime();
            while (true) {
                sleeping = true;
                // Re-checked after announcing sleep: assign() sets GO before it reads sleeping.
                if (state.get() == GO) {
                    sleeping = false;
                    return true;
                }
                LockSupport.parkNanos(this, IDLE_NANOS_BEFORE_EXIT / 4);
                sleeping = false;
                if (state.get() == GO) return true;
                if (System.nanoTime() - idleSince > IDLE_NANOS_BEFORE_EXIT
                        && state.compareAndSet(WAITING, EXITED)) {
                    return false;
                }
            }
        }
    }
}
