package org.prospect.engine.adjoint;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.prospect.engine.gle.GleNetwork;
import org.prospect.engine.gle.NetworkSpec;

/**
 * The exact adjoint (λ = ∂L/∂u and ∂L/∂s) over a sliding window of the recent past, for showing next to GLE's errors. The
 * student's trajectory is recorded step by step into windows of {@code span} steps that start every
 * {@code stride} steps (they overlap when {@code span > stride}); when a window is full,
 * {@link ExactAdjoint#compute} back-propagates through it with the current weights and time constants.
 * Of each computed window, the first {@code stride} steps are the ones to show: they have at least
 * {@code span − stride} steps of future behind them, so the truncation at the window's end (where λ is
 * forced to 0) hardly touches them, and consecutive windows tile time without gaps. λ for a step thus
 * becomes available between {@code span − stride} and {@code span} steps late. Preallocated: recording
 * and computing allocate nothing.
 *
 * <p>Each step is copied once, into a chunk of {@code stride} steps; the overlapping windows are views whose parts
 * point at the chunks they cover (a chunk is reused once no window and no computation refers to it). Copying every
 * step into each of its windows took a third of the simulation thread's time in the dashboard, the copies going to
 * memory the worker's core had just read.
 *
 * <p>{@link #inBackground} moves the back-propagation off the recording thread: a full window is swapped
 * with a spare one (its parameters copied with it) and handed to a worker thread, which computes it and
 * reports to a {@link Listener}. The recording thread never waits: when the worker is still busy with the
 * previous window, the full window is dropped ({@link #skipped()}) and its steps get no λ.
 *
 * <p>The worker takes at most a given share of one core ({@code workerShare}): after a hand-over, the next window
 * is handed over no sooner than the worker's recent working time (the median of its last five windows, wall
 * clock) divided by that share. Steps that only windows filling before then would read are not recorded: a chunk
 * is left out when the window it opens, the last one it belongs to, is expected to fill earlier (from the wall time
 * of the last stride). A window with a chunk left out is dropped like one the worker had no time for. At paced
 * speeds a stride lasts far longer than the worker needs, and every window is computed; at speed max in the window
 * the worker computes about one window in ten. Recording costs the simulation thread about a tenth of a headless
 * run's speed at batch 100 (each step's rates, derivatives and velocities go to memory the worker's core reads):
 * planning by the worker's share records about two chunks per computed window, where predicting the niced
 * worker's return (it took 1 to 40 strides) had recorded three in five of all steps.
 *
 * <p>Steps are counted like {@code GleSimulation.stepCount()}: position {@code t} of a window that
 * began at step count {@code s} is step {@code s + t + 1}, at time {@code (s + t + 1)·dt}.
 */
public final class SlidingAdjoint implements AutoCloseable {
    /** Told on the worker thread about each computed window; may read {@link #lambda}, {@link #basalGradient}, {@link #adjoint()}. */
    public interface Listener {
        void computed(SlidingAdjoint sliding);
    }

    private static final int IDLE = 0;
    private static final int BUSY = 1;

    private final Trajectory[] trajectories;
    /** Chunks of {@code stride} steps that the windows' parts point at, and how many windows (or the worker) do. */
    private Trajectory[] chunks;
    private int[] chunkRefs;
    /** For each window (and the spare), the chunk of each of its parts, −1 where none is linked. */
    private final int[][] links;
    private int[] spareLinks;
    private int currentChunk = -1;
    private final NetworkSpec spec;
    private final int batch;
    private final long[] starts;
    private final boolean[] active;
    /** Per window: a chunk it covers was left out (see the class comment), so it is not computed. */
    private final boolean[] incomplete;
    /** Whether the current chunk's steps are recorded. */
    private boolean recordingChunk = true;
    /** Share of one core the worker may take: windows are handed over at most this often (background mode). */
    private final double workerShare;
    private final java.util.function.LongSupplier clock;
    /** Clock when the current chunk began, the wall time of the last whole stride, and of the last hand-over. */
    private long chunkStartNanos = -1;
    private long strideNanos;
    private long handOverNanos;
    /** How long the worker took for each of its last windows, oldest first overwritten; written by the worker. */
    private final long[] workNanos = new long[5];
    private final long[] sortedWorkNanos = new long[5];
    private int workMeasurements;
    private volatile long chunksLeftOut; // read by the bench
    private final GradientAlignment[] alignments;
    private final ExactAdjoint adjoint;
    private final int span;
    private final int stride;
    private long first;
    private long recorded;
    // Written by whichever thread computes; volatile so that others see a computed window's results.
    private volatile double lastAlignment = Double.NaN;
    private volatile long computedStart = -1;
    private long computeNanos;
    private volatile long computations;
    private long lastComputeNanos;

    // Background mode only: the worker owns the spare window while busy, the recording thread while idle.
    private final Listener listener;
    private final Thread worker;
    private final AtomicInteger workerState = new AtomicInteger(IDLE);
    private Trajectory spareTrajectory;
    private GradientAlignment spareAlignment;
    private final NetworkParameters spareParameters;
    private long spareStart;
    private double spareLossWeight;
    private volatile boolean closed;
    private volatile long skipped; // read by the window's status bar

    /** Non-overlapping windows of {@code windowSteps}: λ over all of each window, computed as it fills. */
    public SlidingAdjoint(NetworkSpec spec, int batch, int windowSteps) {
        this(spec, batch, windowSteps, windowSteps);
    }

    /**
     * @param stride steps between computations, and steps shown of each computed window
     * @param span   steps back-propagated through per computation; a multiple of {@code stride}
     */
    public SlidingAdjoint(NetworkSpec spec, int batch, int stride, int span) {
        this(spec, batch, stride, span, null, 1, System::nanoTime);
    }

    /**
     * Like {@link #SlidingAdjoint(NetworkSpec, int, int, int)}, but computes on a daemon worker thread of its
     * own and tells {@code listener} there; {@link #close} stops the thread.
     */
    public static SlidingAdjoint inBackground(NetworkSpec spec, int batch, int stride, int span, double workerShare,
                                              Listener listener) {
        return inBackground(spec, batch, stride, span, workerShare, listener, System::nanoTime);
    }

    /** Like the one above, timing strides and the worker by {@code clock} (nanoseconds; tests drive their own). */
    public static SlidingAdjoint inBackground(NetworkSpec spec, int batch, int stride, int span, double workerShare,
                                       Listener listener, java.util.function.LongSupplier clock) {
        if (listener == null) throw new IllegalArgumentException("a background adjoint needs a listener");
        if (!(workerShare > 0 && workerShare <= 1)) throw new IllegalArgumentException("worker share must be in (0, 1]");
        SlidingAdjoint s = new SlidingAdjoint(spec, batch, stride, span, listener, workerShare, clock);
        s.worker.start();
        return s;
    }

    private SlidingAdjoint(NetworkSpec spec, int batch, int stride, int span, Listener listener, double workerShare,
                           java.util.function.LongSupplier clock) {
        if (stride < 1) throw new IllegalArgumentException("stride must be at least one step");
        if (span < stride || span % stride != 0) throw new IllegalArgumentException("span must be a multiple of the stride");
        this.stride = stride;
        this.workerShare = workerShare;
        this.clock = clock;
        this.span = span;
        int k = span / stride;
        this.spec = spec;
        this.batch = batch;
        trajectories = new Trajectory[k];
        starts = new long[k];
        active = new boolean[k];
        incomplete = new boolean[k];
        alignments = new GradientAlignment[k];
        links = new int[k][k];
        spareLinks = new int[k];
        java.util.Arrays.fill(spareLinks, -1);
        for (int i = 0; i < k; i++) {
            trajectories[i] = Trajectory.view(spec, batch, span);
            alignments[i] = new GradientAlignment(spec);
            java.util.Arrays.fill(links[i], -1);
        }
        // The open windows cover the last k chunks, the worker's window k more, one spare.
        chunks = new Trajectory[2 * k + 1];
        chunkRefs = new int[chunks.length];
        for (int c = 0; c < chunks.length; c++) chunks[c] = new Trajectory(spec, batch, stride);
        adjoint = new ExactAdjoint(spec, batch, span);
        this.listener = listener;
        if (listener == null) {
            worker = null;
            spareParameters = null;
        } else {
            spareTrajectory = Trajectory.view(spec, batch, span);
            spareAlignment = new GradientAlignment(spec);
            spareParameters = new NetworkParameters(spec);
            worker = new Thread(this::work, "prospect-sliding-adjoint");
            worker.setDaemon(true);
        }
    }

    /** Starts afresh at the network's current state; {@code stepsTaken} is the simulation's step count now. */
    public void begin(GleNetwork net, long stepsTaken) {
        awaitIdle();
        for (int[] l : links) release(l);
        release(spareLinks);
        currentChunk = -1;
        first = stepsTaken;
        recorded = 0;
        java.util.Arrays.fill(active, false);
        java.util.Arrays.fill(incomplete, false);
        recordingChunk = true;
        chunkStartNanos = -1;
        workMeasurements = 0;
        computedStart = -1;
        lastAlignment = Double.NaN;
        alignments[0].clear();
        trajectories[0].begin(net);
        starts[0] = stepsTaken;
        active[0] = true;
    }

    /**
     * Records the step just taken (its input, the target aligned with its output, the new state) into
     * every open window; when a window fills, computes λ over it and reopens it.
     *
     * @param lossWeight weight of each step's loss ({@code dt} for GLE.md's definition)
     * @return whether a window was just computed
     */
    public boolean record(double[] input, double[] alignedTarget, GleNetwork net, double lossWeight) {
        boolean computed = false;
        long step = recorded++;
        if (step % stride == 0) startChunk(step / stride);
        if (recordingChunk) chunks[currentChunk].record(input, alignedTarget, net);
        for (int i = 0; i < trajectories.length; i++) {
            if (!active[i]) continue;
            Trajectory tr = trajectories[i];
            tr.advance();
            if (!incomplete[i]) alignments[i].accumulate(net);
            if (tr.isFull()) {
                if (incomplete[i]) {
                    skipped++;
                    release(links[i]);
                } else if (worker == null) {
                    long t0 = System.nanoTime();
                    linkChunks(tr, links[i]);
                    adjoint.compute(tr, net, lossWeight);
                    finish(tr, alignments[i], starts[i], t0);
                    computed = true;
                    release(links[i]);
                } else if (workerIdle()) {
                    handOver(i, net, lossWeight);
                } else {
                    skipped++;
                    release(links[i]);
                }
                trajectories[i].begin(net);
                alignments[i].clear();
                incomplete[i] = false;
                starts[i] += span;
            }
        }
        // Open the staggered windows one stride apart as the run first reaches them.
        if (recorded < span && recorded % stride == 0) {
            int i = (int) (recorded / stride);
            trajectories[i].begin(net);
            alignments[i].clear();
            starts[i] = first + recorded;
            active[i] = true;
        }
        return computed;
    }

    /**
     * Recording thread, at the first step of chunk number {@code number} (counted from {@link #begin}): takes a
     * free chunk and links it into every open window at the part it covers there.
     */
    private void startChunk(long number) {
        int c = 0;
        while (c < chunks.length && chunkRefs[c] > 0) c++;
        if (c == chunks.length) { // not expected (see the constructor), but never overwrite a chunk in use
            chunks = java.util.Arrays.copyOf(chunks, c + 1);
            chunkRefs = java.util.Arrays.copyOf(chunkRefs, c + 1);
            chunks[c] = new Trajectory(spec, batch, stride);
        }
        chunks[c].clear();
        currentChunk = c;
        recordingChunk = chunkNeeded(number);
        if (!recordingChunk) chunksLeftOut++;
        for (int i = 0; i < trajectories.length; i++) {
            if (!active[i]) continue;
            int part = (int) (number - (starts[i] - first) / stride);
            // Only noted here: the window's view is pointed at its chunks when it is computed (linkChunks), for
            // the few windows that are — a stride's 5 reference stores per step and window cost the recording
            // thread 3 % at speed max.
            links[i][part] = c;
            chunkRefs[c]++;
            if (!recordingChunk) incomplete[i] = true;
        }
    }

    /**
     * Whether chunk number {@code number} may be read by a computation: the last window it belongs to (the one it
     * opens) is expected to fill k strides from now, which must not come before the worker's share allows the next
     * hand-over. Recording thread, at the chunk's first step.
     */
    private boolean chunkNeeded(long number) {
        if (worker == null) return true;
        long now = clock.getAsLong();
        long last = chunkStartNanos;
        chunkStartNanos = now;
        if (last < 0) return true; // no stride timed yet
        strideNanos = now - last;
        int n = workMeasurements(); // read after the worker's state: its durations up to the last idle are visible
        if (n == 0) return true;
        long expectedFill = now + (span / stride) * strideNanos;
        return expectedFill - handOverNanos >= (long) (medianWorkNanos(n) / workerShare);
    }

    private int workMeasurements() {
        workerState.get(); // the worker counts a window before it turns idle: this read orders the two
        return Math.min(workMeasurements, workNanos.length);
    }

    /** The median of the worker's last {@code n} working times. */
    private long medianWorkNanos(int n) {
        System.arraycopy(workNanos, 0, sortedWorkNanos, 0, n);
        java.util.Arrays.sort(sortedWorkNanos, 0, n);
        return sortedWorkNanos[n / 2];
    }

    private boolean workerIdle() { return workerState.get() == IDLE; }

    /** Recording thread: the window whose parts are {@code linked} no longer needs its chunks. */
    private void release(int[] linked) {
        for (int p = 0; p < linked.length; p++) {
            if (linked[p] >= 0) chunkRefs[linked[p]]--;
            linked[p] = -1;
        }
    }

    /** The computation's bookkeeping, on the thread that computed. */
    private void finish(Trajectory tr, GradientAlignment alignment, long start, long t0) {
        lastComputeNanos = System.nanoTime() - t0;
        computeNanos += lastComputeNanos;
        lastAlignment = alignment.cosineWith(adjoint);
        computedStart = start;
        computations++;
    }

    /** Recording thread, worker idle: swaps the full window i with the spare one and wakes the worker. */
    private void handOver(int i, GleNetwork net, double lossWeight) {
        release(spareLinks); // the worker is done with the window it had
        Trajectory full = trajectories[i];
        trajectories[i] = spareTrajectory;
        spareTrajectory = full;
        int[] fullLinks = links[i];
        links[i] = spareLinks;
        spareLinks = fullLinks;
        GradientAlignment accumulated = alignments[i];
        alignments[i] = spareAlignment;
        spareAlignment = accumulated;
        spareStart = starts[i];
        spareLossWeight = lossWeight;
        // The weights the window is back-propagated with are those at its end, as when computed in line.
        spareParameters.copyFrom(net);
        handOverNanos = clock.getAsLong();
        workerState.set(BUSY); // publishes the spare window to the worker
        LockSupport.unpark(worker);
    }

    private void work() {
        while (!closed) {
            if (workerState.get() != BUSY) {
                LockSupport.park(this);
                continue;
            }
            long t0 = System.nanoTime();
            long w0 = clock.getAsLong();
            // The chunks stay referenced (spareLinks) until the next hand-over, which waits for this one to finish.
            linkChunks(spareTrajectory, spareLinks);
            adjoint.compute(spareTrajectory, spareParameters, spareLossWeight);
            finish(spareTrajectory, spareAlignment, spareStart, t0);
            if (!closed) {
                try {
                    listener.computed(this);
                } catch (RuntimeException e) {
                    // A failed display update must not stop later windows.
                    e.printStackTrace();
                }
            }
            // The listener's writing is the worker's work too: it counts against the share.
            workNanos[workMeasurements % workNanos.length] = clock.getAsLong() - w0;
            workMeasurements++;
            workerState.set(IDLE);
        }
    }

    /** Points the window's view at the chunks its parts were recorded in. */
    private void linkChunks(Trajectory window, int[] parts) {
        Trajectory[] recorded = chunks;
        for (int part = 0; part < parts.length; part++) {
            if (parts[part] >= 0) window.link(part, recorded[parts[part]]);
        }
    }

    /** Waits until the worker has computed the window handed to it, if any (no-op in line). */
    public void awaitIdle() {
        while (worker != null && workerState.get() != IDLE && worker.isAlive()) Thread.onSpinWait();
    }

    /** Full windows dropped because the worker was still busy or a chunk of them was left out (background mode). */
    public long skipped() { return skipped; }

    /** Chunks of {@link #stride} steps not recorded because no window that could be computed would read them. */
    public long chunksLeftOut() { return chunksLeftOut; }

    /** Stops the worker after its current window; the listener is not told about later ones. */
    @Override
    public void close() {
        if (worker == null) return;
        closed = true;
        LockSupport.unpark(worker);
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The cosine between GLE's weight change accumulated over the last computed window (−Σ ∂W over its
     * steps with learning on) and that window's −∂L/∂W; NaN when GLE did not learn in it.
     */
    public double alignment() { return lastAlignment; }

    /** Steps back-propagated through per computation. */
    public int span() { return span; }

    /** Steps between computations; the first {@code stride} positions of a computed window are the ones to show. */
    public int stride() { return stride; }

    /** The step count at which the last computed window began, or −1 before the first window is computed. */
    public long computedStart() { return computedStart; }

    /**
     * λ of the last computed window at its position {@code t} (< span), layer {@code l}, [batch·n] (live view;
     * in background mode read it in the listener or after {@link #awaitIdle}).
     */
    public double[] lambda(int t, int l) { return adjoint.lambda(t, l); }

    /** ∂L/∂s of the last computed window at its position {@code t}, layer {@code l}, like {@link #lambda}. */
    public double[] basalGradient(int t, int l) { return adjoint.basalGradient(t, l); }

    /** The last computation: λ, ∂L/∂W, ∂L/∂b, ∂L/∂τ_m and the loss over the window. */
    public ExactAdjoint adjoint() { return adjoint; }

    /** Windows computed so far. */
    public long computations() { return computations; }

    /** Mean wall time of one window's back-propagation so far, in nanoseconds (0 before the first). */
    public double meanComputeNanos() { return computations == 0 ? 0 : (double) computeNanos / computations; }

    public long lastComputeNanos() { return lastComputeNanos; }
}
