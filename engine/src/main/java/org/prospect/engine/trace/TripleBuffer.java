package org.prospect.engine.trace;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Hands preallocated snapshots from one producer thread to one consumer thread without locks and
 * without allocating: the producer fills its back buffer and swaps it with the middle one; the consumer
 * swaps the middle one into the front when it is newer. Neither ever waits for the other, and the
 * consumer never sees a buffer the producer is writing.
 */
public final class TripleBuffer<T> {
    private static final int FRESH = 4;
    private final Object[] buffers = new Object[3];
    /** Index of the middle buffer, plus {@link #FRESH} when the producer has put a new one there. */
    private final AtomicInteger middle = new AtomicInteger(1);
    private int back = 0;
    private int front = 2;
    private long published;

    public TripleBuffer(Supplier<T> factory) {
        for (int i = 0; i < 3; i++) buffers[i] = factory.get();
    }

    /** Producer only: the buffer to fill next. */
    @SuppressWarnings("unchecked")
    public T back() { return (T) buffers[back]; }

    /** Producer only: hands the filled back buffer over and takes a stale one to fill next. */
    public void publish() {
        back = middle.getAndSet(back | FRESH) & 3;
        published++;
    }

    /** Producer only: buffers published so far. */
    public long published() { return published; }

    /** Consumer only: the newest published buffer (the same as last time when nothing new came). */
    @SuppressWarnings("unchecked")
    public T front() {
        if ((middle.get() & FRESH) != 0) front = middle.getAndSet(front) & 3;
        return (T) buffers[front];
    }

    /** Consumer only: whether a buffer newer than the front one is waiting. */
    public boolean hasNew() { return (middle.get() & FRESH) != 0; }
}
