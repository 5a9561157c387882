package org.prospect.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.prospect.engine.experiment.ExperimentFile;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.experiment.Settings;
import org.prospect.engine.experiment.SimulationState;
import org.prospect.engine.trace.LearnersObserver;
import org.prospect.engine.trace.Probe;
import org.prospect.engine.trace.StepObserver;
import org.prospect.engine.trace.TraceBuffer;

/**
 * Owns a {@link GleSimulation} and steps it on its own daemon thread. Everything that changes the run
 * arrives as a {@link Command} through one queue and is applied between steps, so a run is
 * deterministic whatever thread asked. After every k-th step (k chosen so that at most
 * {@code rowsPerTimeUnit} rows are written per simulated time unit) the probe's row goes into the trace.
 *
 * <p>A comparison file's learners run in lockstep: the first is the primary simulation (the one the probes
 * and {@link StepObserver}s see), the others take the same step right after it; {@link LearnersObserver}s see
 * them all. Reset, learning on/off and {@link Command.Edit}s apply to every learner.
 *
 * <p>The thread never dies silently: a step or edit that throws, or a state that stops being finite
 * (checked every {@value #DIVERGENCE_CHECK_INTERVAL} steps), pauses the run and tells the listener.
 */
public final class SimulationRunner implements RunControl {
    static final int DIVERGENCE_CHECK_INTERVAL = 100;
    /** Longest a free run goes without looking at the queue, so commands feel immediate. */
    private static final long COMMAND_LATENCY_NANOS = 5_000_000;
    /** How far a paced run may fall behind the wall clock before it gives up catching up. */
    private static final double MAX_LAG_SECONDS = 0.25;
    private static final long RATE_WINDOW_NANOS = 500_000_000;

    private final GleExperiment experiment;
    private final List<ExperimentFile.Learner> learners;
    /** The learners a resumed runner starts from (primary first), or null for t = 0. */
    private final List<GleSimulation> resumed;
    private final List<LearnersObserver> learnersObservers = new CopyOnWriteArrayList<>();
    private final Probe probe;
    private final TraceBuffer trace;
    private final double[] row;
    private final int rowsPerTimeUnit;
    private final HaltListener listener;
    private final Queue<Command> commands = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private final List<StepObserver> observers = new CopyOnWriteArrayList<>();
    private boolean started;

    // Simulation-thread state: the journal of edits since the run's origin (see EditJournal).
    private SimulationState origin;
    private final List<EditJournal.Entry> journal = new ArrayList<>();

    // Simulation-thread state.
    private GleSimulation simulation;
    /** Every learner, the primary first; replaced whole on reset. */
    private GleSimulation[] all;
    private long decimation;
    private boolean playing;
    private double speed = Command.AS_FAST_AS_POSSIBLE;
    private long anchorWallNanos;
    private double anchorTime;
    private long rateMarkNanos;
    private long rateMarkSteps;
    private volatile boolean closed;

    // Published for other threads.
    private volatile double publishedTime;
    private volatile long publishedSteps;
    private volatile double publishedRate;
    private volatile boolean publishedRunning;
    private volatile boolean publishedLearning;

    /**
     * @param rowsPerTimeUnit most trace rows per simulated time unit
     * @param traceCapacity   rows the trace keeps for a slow reader
     * @param listener        told when the run halts itself
     */
    public SimulationRunner(GleExperiment experiment, int rowsPerTimeUnit, int traceCapacity, HaltListener listener) {
        this(List.of(new ExperimentFile.Learner(experiment.name(), experiment)), null, rowsPerTimeUnit, traceCapacity,
                listener);
    }

    /**
     * Runs every learner of a comparison file in lockstep (a list of one for a plain file); the first is the
     * primary simulation.
     */
    public SimulationRunner(List<ExperimentFile.Learner> learners, int rowsPerTimeUnit, int traceCapacity,
                            HaltListener listener) {
        this(learners, null, rowsPerTimeUnit, traceCapacity, listener);
    }

    /**
     * Continues {@code resumed} (e.g. a simulation restored from a saved session) where it is; a reset goes back
     * to t = 0 of its experiment.
     */
    public static SimulationRunner resume(GleSimulation resumed, int rowsPerTimeUnit, int traceCapacity,
                                          HaltListener listener) {
        GleExperiment e = resumed.experiment();
        return new SimulationRunner(List.of(new ExperimentFile.Learner(e.name(), e)), List.of(resumed), rowsPerTimeUnit,
                traceCapacity, listener);
    }

    /**
     * Continues every learner of a comparison file where it is ({@code resumed}: one simulation per learner, in
     * the same order, e.g. from a saved session); a reset goes back to t = 0.
     */
    public static SimulationRunner resume(List<ExperimentFile.Learner> learners, List<GleSimulation> resumed,
                                          int rowsPerTimeUnit, int traceCapacity, HaltListener listener) {
        if (resumed.size() != learners.size()) {
            throw new IllegalArgumentException(resumed.size() + " simulations for " + learners.size() + " learners");
        }
        return new SimulationRunner(learners, List.copyOf(resumed), rowsPerTimeUnit, traceCapacity, listener);
    }

    private SimulationRunner(List<ExperimentFile.Learner> learners, List<GleSimulation> resumed, int rowsPerTimeUnit,
                             int traceCapacity, HaltListener listener) {
        if (rowsPerTimeUnit <= 0) throw new IllegalArgumentException("rowsPerTimeUnit must be positive");
        if (learners.isEmpty()) throw new IllegalArgumentException("a run needs at least one learner");
        this.learners = List.copyOf(learners);
        this.resumed = resumed;
        GleExperiment experiment = learners.get(0).experiment();
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.rowsPerTimeUnit = rowsPerTimeUnit;
        this.probe = Probe.signals(experiment.network());
        this.trace = new TraceBuffer(probe.channels(), traceCapacity);
        this.row = new double[probe.channels()];
        rebuild();
        publish();
        thread = new Thread(this::loop, "prospect-simulation");
        thread.setDaemon(true);
    }

    /** Starts the simulation thread, paused. */
    public void start() {
        started = true;
        thread.start();
    }

    /**
     * Adds an observer that sees every step on the simulation thread (and every reset). Only before
     * {@link #start()}; it is attached to the current simulation at once.
     */
    public void addObserver(StepObserver observer) {
        if (started) throw new IllegalStateException("observers must be added before start()");
        observers.add(Objects.requireNonNull(observer, "observer"));
        observer.attach(simulation);
    }

    /** Adds an observer of every learner (see {@link LearnersObserver}). Only before {@link #start()}. */
    public void addLearnersObserver(LearnersObserver observer) {
        if (started) throw new IllegalStateException("observers must be added before start()");
        learnersObservers.add(Objects.requireNonNull(observer, "observer"));
        observer.attach(all);
    }

    /** The learners this runner steps in lockstep, the primary first (one for a plain experiment file). */
    public List<ExperimentFile.Learner> learners() { return learners; }

    public int learnerCount() { return learners.size(); }

    public GleExperiment experiment() { return experiment; }

    public Probe probe() { return probe; }

    /** The trace this runner writes; its single consumer is whoever displays it. */
    public TraceBuffer trace() { return trace; }

    /** The simulation's step size (of the experiment; a later dt edit is not reflected). */
    public double dt() { return experiment.dynamics().dt(); }

    /**
     * The journal of the run so far (its origin, the edits and learning on/off with their steps, the step count),
     * read on the simulation thread between two steps; what a whole-run export replays.
     */
    public CompletableFuture<EditJournal> journal() {
        return inspect(all -> new EditJournal(experiment, origin, journal, simulation.stepCount()));
    }

    /**
     * Runs {@code read} on the simulation thread between two steps with every learner (the primary first); the
     * future completes with its result there, or with its exception.
     */
    public <T> CompletableFuture<T> inspect(Function<List<GleSimulation>, T> read) {
        CompletableFuture<T> done = new CompletableFuture<>();
        submit(new Command.Inspect(all -> {
            try {
                done.complete(read.apply(all));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }));
        return done;
    }

    /** Queues a command; it applies before the next step. */
    public void submit(Command command) {
        commands.add(Objects.requireNonNull(command, "command"));
        LockSupport.unpark(thread);
    }

    public void play() { submit(new Command.Play()); }

    public void pause() { submit(new Command.Pause()); }

    public void step(long steps) { submit(new Command.Step(steps)); }

    public void reset() { submit(new Command.Reset()); }

    public void setSpeed(double timeUnitsPerSecond) { submit(new Command.SetSpeed(timeUnitsPerSecond)); }

    public void setLearning(boolean on) { submit(new Command.SetLearning(on)); }

    /**
     * Waits until every command submitted so far has been applied (a step command: all its steps taken).
     *
     * @return false on timeout
     */
    public boolean awaitCommands(long timeout, TimeUnit unit) throws InterruptedException {
        CountDownLatch reached = new CountDownLatch(1);
        submit(new Command.Barrier(reached));
        return reached.await(timeout, unit);
    }

    /** A snapshot for a status bar (any thread). */
    public RunnerStatus status() {
        return new RunnerStatus(publishedTime, publishedSteps, publishedRate, publishedRunning, publishedLearning);
    }

    public boolean isRunning() { return publishedRunning; }

    /** Stops the thread; the runner cannot be restarted. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (!closed) {
            applyCommands();
            if (!playing) {
                for (StepObserver o : observers) o.idle(simulation);
                for (LearnersObserver o : learnersObservers) o.idle(all);
                publish();
                LockSupport.parkNanos(50_000_000);
            } else if (speed == Command.AS_FAST_AS_POSSIBLE) {
                runFree();
            } else {
                runPaced();
            }
            measureRate();
            publish();
        }
    }

    private void applyCommands() {
        Command command;
        while ((command = commands.poll()) != null) {
            apply(command);
        }
    }

    private void apply(Command command) {
        if (command instanceof Command.Play) {
            if (!playing) {
                // Measure the rate from now, not from whenever the last measurement happened.
                rateMarkNanos = System.nanoTime();
                rateMarkSteps = simulation.stepCount();
            }
            playing = true;
            anchor();
        } else if (command instanceof Command.Pause) {
            playing = false;
        } else if (command instanceof Command.Step s) {
            playing = false;
            boolean ok = true;
            for (long i = 0; i < s.steps() && ok; i++) ok = advance();
            // A single step must not hide a divergence until the next hundredth step.
            if (ok) checkFinite();
        } else if (command instanceof Command.Reset) {
            rebuild();
            anchor();
        } else if (command instanceof Command.Inspect i) {
            i.read().accept(List.of(all));
        } else if (command instanceof Command.SetSpeed s) {
            speed = s.timeUnitsPerSecond();
            anchor();
        } else if (command instanceof Command.SetLearning l) {
            journal.add(new EditJournal.Entry(simulation.stepCount(), l));
            for (GleSimulation s : all) s.setLearningEnabled(l.on());
        } else if (command instanceof Command.Apply a) {
            try {
                a.edit().accept(simulation);
                // An edit that makes a parameter non-finite is reported as such, before any step smears it.
                checkFinite();
            } catch (RuntimeException | StackOverflowError e) {
                halt(new Halt("Parameter edit failed at t = " + time() + ": " + e, e));
            }
        } else if (command instanceof Command.Edit e) {
            // Journaled before it runs: an edit that fails half-way has still changed the run.
            journal.add(new EditJournal.Entry(simulation.stepCount(), e));
            try {
                for (int i = 0; i < all.length; i++) {
                    if (i == 0 || !overrides(learners.get(i).settings(), e.path())) e.edit().accept(all[i]);
                }
                checkFinite();
            } catch (RuntimeException | StackOverflowError ex) {
                halt(new Halt("Parameter edit failed at t = " + time() + ": " + ex, ex));
            }
        } else if (command instanceof Command.Barrier b) {
            publish();
            b.reached().countDown();
        }
    }

    /** Free run: step until a command arrives or a few milliseconds pass, then let the loop look at the queue. */
    private void runFree() {
        long start = System.nanoTime();
        while (playing && commands.isEmpty()) {
            for (int i = 0; i < 64 && playing; i++) advance();
            if (System.nanoTime() - start > COMMAND_LATENCY_NANOS) return;
        }
    }

    /** Paced run: catch up with the wall clock, then sleep until the next step is due. */
    private void runPaced() {
        long now = System.nanoTime();
        double due = anchorTime + speed * (now - anchorWallNanos) / 1e9;
        if (due - simulation.time() > speed * MAX_LAG_SECONDS) {
            anchor(); // too slow for this speed: run flat out from here instead of bursting to catch up
            due = simulation.time() + simulation.student().dynamics().dt();
        }
        double dt = simulation.student().dynamics().dt();
        while (playing && simulation.time() + 0.5 * dt <= due && commands.isEmpty()) {
            advance();
            if (System.nanoTime() - now > COMMAND_LATENCY_NANOS) return;
        }
        if (playing && commands.isEmpty()) {
            long waitNanos = (long) ((simulation.time() + dt - due) / speed * 1e9);
            LockSupport.parkNanos(Math.max(100_000, Math.min(waitNanos, 5_000_000)));
        }
    }

    /** One step, its trace row and the periodic divergence check; false when the run halted. */
    private boolean advance() {
        try {
            simulation.step();
            for (int i = 1; i < all.length; i++) all[i].step();
            for (int i = 0, n = observers.size(); i < n; i++) observers.get(i).afterStep(simulation);
            for (int i = 0, n = learnersObservers.size(); i < n; i++) learnersObservers.get(i).afterStep(all);
        } catch (RuntimeException | StackOverflowError e) {
            halt(new Halt("Simulation step failed at t = " + time() + ": " + e, e));
            return false;
        }
        long steps = simulation.stepCount();
        if (steps % decimation == 0) {
            probe.read(simulation, row);
            trace.write(simulation.time(), row);
        }
        if (steps % DIVERGENCE_CHECK_INTERVAL == 0) return checkFinite();
        return true;
    }

    private boolean checkFinite() {
        for (int i = 0; i < all.length; i++) {
            String where = all[i].findNonFinite();
            if (where == null) continue;
            String who = all.length > 1 ? " (learner \"" + learners.get(i).label() + "\")" : "";
            halt(new Halt("Diverged at t = " + time() + " (step " + simulation.stepCount() + ")" + who + ": non-finite "
                    + where, null));
            return false;
        }
        return true;
    }

    /** Whether a learner's own settings set {@code path}, a field containing it or a field inside it. */
    static boolean overrides(Settings settings, String path) {
        for (String own : settings.values().keySet()) {
            if (own.equals(path) || nested(path, own) || nested(own, path)) return true;
        }
        return false;
    }

    private static boolean nested(String inner, String outer) {
        return inner.length() > outer.length() && inner.startsWith(outer) && (inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '[');
    }

    private void halt(Halt halt) {
        playing = false;
        publish();
        try {
            listener.halted(halt);
        } catch (RuntimeException e) {
            // A broken listener must not take the simulation thread down with it.
            e.printStackTrace();
        }
    }

    private void rebuild() {
        boolean first = all == null;
        GleSimulation[] next = new GleSimulation[learners.size()];
        for (int i = 0; i < next.length; i++) next[i] = new GleSimulation(learners.get(i).experiment());
        if (first && resumed != null) {
            for (int i = 0; i < next.length; i++) next[i] = resumed.get(i);
        }
        origin = first && resumed != null ? next[0].saveState() : null;
        journal.clear();
        all = next;
        simulation = next[0];
        for (StepObserver o : observers) o.attach(simulation);
        for (LearnersObserver o : learnersObservers) o.attach(all);
        double dt = simulation.student().dynamics().dt();
        decimation = Math.max(1, (long) Math.ceil(1.0 / (dt * rowsPerTimeUnit) - 1e-9));
    }

    private void anchor() {
        anchorWallNanos = System.nanoTime();
        anchorTime = simulation.time();
    }

    private void measureRate() {
        long now = System.nanoTime();
        long steps = simulation.stepCount();
        if (!playing) {
            publishedRate = 0;
            rateMarkNanos = now;
            rateMarkSteps = steps;
        } else if (now - rateMarkNanos >= RATE_WINDOW_NANOS) {
            // A reset makes steps smaller than the mark: measure from zero then.
            long done = steps >= rateMarkSteps ? steps - rateMarkSteps : steps;
            publishedRate = done * 1e9 / (now - rateMarkNanos);
            rateMarkNanos = now;
            rateMarkSteps = steps;
        }
    }

    private void publish() {
        publishedTime = simulation.time();
        publishedSteps = simulation.stepCount();
        publishedRunning = playing;
        publishedLearning = simulation.learning().enabled();
    }

    private String time() {
        return String.format(Locale.ROOT, "%.2f", simulation.time());
    }
}
