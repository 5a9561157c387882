package org.prospect.engine.rnn;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the two batch slices of an {@link RnnNetwork} pass, on the calling thread and one helper when the crew is
 * parallel, one after the other on the calling thread otherwise. The trials of a batch are independent through a
 * whole pass, so a slice runs all its steps without meeting the other; the only hand-offs are the start and the
 * end of a pass, which last tens of milliseconds, so the threads park rather than spin.
 *
 * <p>The split is always into {@link #SLICES} slices, whether or not a helper runs one: the sums over the batch
 * are formed per slice and added in slice order, so results do not depend on the number of cores.
 * The helper is a daemon that ends after a second without work (so that an unused network can be collected) and
 * is started again by the next pass; only (re)starting it allocates.
 */
final class SliceCrew {
    static final int SLICES = 2;

    /** One slice's share of a pass. */
    interface Part {
        void run(int slice);
    }

    private static final long IDLE_NANOS_BEFORE_EXIT = 1_000_000_000L;
    private static final int IDLE = 0;
    private static final int GIVEN = 1;
    private static final int EXITED = 2;

    private final boolean parallel;
    private Helper helper;
    private volatile Part pending;
    private volatile boolean done;
    private volatile Thread caller;
    private volatile Throwable failure;

    SliceCrew(boolean parallel) {
        this.parallel = parallel;
    }

    boolean parallel() { return parallel; }

    /** Runs slice 0 and slice 1 of {@code part} and returns when both are done. */
    void run(Part part) {
        if (!parallel) {
            part.run(0);
            part.run(1);
            return;
        }
        caller = Thread.currentThread();
        done = false;
        pending = part;
        if (helper == null || !helper.give()) {
            helper = new Helper();
            helper.give();
            helper.start();
        }
        try {
            part.run(0);
        } finally {
            while (!done) LockSupport.park(this);
        }
        Throwable t = failure;
        if (t != null) {
            failure = null;
            if (t instanceof RuntimeException e) throw e;
            if (t instanceof Error e) throw e;
            throw new IllegalStateException(t);
        }
    }

    private final class Helper extends Thread {
        private final AtomicInteger state = new AtomicInteger(IDLE);

        Helper() {
            super("rnn-slice-1");
            setDaemon(true);
        }

        /** Hands this helper the pending part; false if it has ended (the caller starts a new one). */
        boolean give() {
            if (!state.compareAndSet(IDLE, GIVEN)) return false;
            LockSupport.unpark(this);
            return true;
        }

        @Override public void run() {
            long idleSince = System.nanoTime();
            while (true) {
                if (state.get() == GIVEN) {
                    Part part = pending;
                    pending = null; // not to keep the network alive while idle
                    try {
                        part.run(1);
                    } catch (Throwable t) {
                        failure = t;
                    }
                    Thread waiting = caller;
                    state.set(IDLE);
                    done = true;
                    LockSupport.unpark(waiting);
                    idleSince = System.nanoTime();
                } else {
                    LockSupport.parkNanos(this, IDLE_NANOS_BEFORE_EXIT / 4);
                    if (System.nanoTime() - idleSince > IDLE_NANOS_BEFORE_EXIT && state.compareAndSet(IDLE, EXITED)) {
                        return;
                    }
                }
            }
        }
    }
}
