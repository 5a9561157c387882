package org.prospect.engine.run;

import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.prospect.engine.experiment.RnnExperiment;
import org.prospect.engine.rnn.DelayedXor;
import org.prospect.engine.rnn.Gradients;
import org.prospect.engine.rnn.IterationMetrics;
import org.prospect.engine.rnn.LearningRule;
import org.prospect.engine.rnn.ModPropTaps;
import org.prospect.engine.rnn.RnnComparison;
import org.prospect.engine.rnn.RnnNetwork;
import org.prospect.engine.rnn.RnnSpec;
import org.prospect.engine.rnn.RnnTrainer;
import org.prospect.engine.rnn.RnnWeights;
import org.prospect.engine.rnn.Trial;
import org.prospect.engine.trace.TripleBuffer;

/**
 * Trains the rules of an {@link RnnExperiment} side by side on its own daemon thread, one iteration (every rule
 * on one shared batch) per step. Like {@link SimulationRunner}, everything that changes the run is a command,
 * applied between iterations in submission order. Per iteration the metrics go into the {@link #history()};
 * about ten times a second while playing (and after every step, reset or selection while paused) one trial is
 * replayed with the shown rule's weights into a {@link RnnSnapshot} handed over through a {@link TripleBuffer}.
 * The pace is always as fast as the machine goes ({@link #setSpeed} is ignored); the run pauses itself when it
 * reaches the file's number of iterations (play goes on beyond it).
 */
public final class RnnRunner implements RunControl {
    private static final long REPLAY_PERIOD_NANOS = 100_000_000;
    private static final long RATE_WINDOW_NANOS = 1_000_000_000;
    /** Seed offset of the replayed trials (apart from the training and validation streams). */
    private static final long REPLAY_STREAM = 3_000_017L;

    private record Replace(RnnExperiment experiment) {}

    private record Show(int rule, int pattern) {}

    private final HaltListener listener;
    private final Queue<Object> commands = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private final TripleBuffer<RnnSnapshot> snapshots;
    private final RnnSpec spec;
    private final int steps;
    private final RnnNetwork replayNet;
    private final Gradients replayGradient;
    private final Trial[] patterns = new Trial[4];
    private final double[] initialW;
    private final double[] row;
    private boolean started;

    // Run-thread state.
    private RnnExperiment experiment;
    private RnnComparison comparison;
    private int iteration;
    private boolean playing;
    private boolean learning = true;
    private boolean replayWanted = true;
    private boolean pausedAtEnd;
    private long lastReplayNanos;
    private long rateMarkNanos;
    private int rateMarkIteration;
    private volatile boolean closed;

    // Published for other threads.
    private volatile RnnExperiment publishedExperiment;
    private volatile RnnHistory history;
    private volatile int publishedIteration;
    private volatile double publishedRate;
    private volatile boolean publishedRunning;
    private volatile boolean publishedLearning = true;
    private volatile int shownRule;
    private volatile int shownPattern;

    public RnnRunner(RnnExperiment experiment, HaltListener listener) {
        this(experiment, null, listener);
    }

    /**
     * Continues a saved run (see {@link #saveState()}) where it was; a reset goes back to iteration 0 of the
     * saved experiment.
     */
    public static RnnRunner resume(RnnRunState saved, HaltListener listener) {
        return new RnnRunner(saved.experiment(), saved, listener);
    }

    private RnnRunner(RnnExperiment experiment, RnnRunState resumed, HaltListener listener) {
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        this.listener = Objects.requireNonNull(listener, "listener");
        spec = experiment.network();
        steps = experiment.task().steps();
        snapshots = new TripleBuffer<>(() -> new RnnSnapshot(spec, steps));
        replayNet = new RnnNetwork(spec, 1, steps);
        replayGradient = new Gradients(spec);
        initialW = RnnWeights.initial(spec).w.clone();
        row = new double[experiment.rules().size() * RnnHistory.COLUMNS];
        DelayedXor source = new DelayedXor(experiment.task(), spec.seed() + REPLAY_STREAM);
        for (int k = 0, found = 0; k < 400 && found < 4; k++) {
            Trial t = source.next(1);
            int p = 2 * t.bits()[0] + t.bits()[1];
            if (patterns[p] == null) {
                patterns[p] = t;
                found++;
            }
        }
        for (int p = 0; p < 4; p++) if (patterns[p] == null) patterns[p] = source.next(1);
        shownRule = defaultRule(experiment);
        shownPattern = 1;
        rebuild();
        if (resumed != null) restore(resumed);
        replay();
        publish();
        thread = new Thread(this::loop, "prospect-rnn");
        thread.setDaemon(true);
    }

    /** The first ModProp rule, else the first rule: what the views show until the user picks another. */
    private static int defaultRule(RnnExperiment e) {
        for (int k = 0; k < e.rules().size(); k++) {
            if (e.rules().get(k).rule().rule() == org.prospect.engine.rnn.Rule.MODPROP) return k;
        }
        return 0;
    }

    @Override
    public void start() {
        started = true;
        thread.start();
    }

    /** The experiment being run (after a {@link #replace}, the new one). */
    public RnnExperiment experiment() { return publishedExperiment; }

    /** The metrics so far; a new object after every reset (any thread). */
    public RnnHistory history() { return history; }

    /** The replays; the consumer is whoever displays them. */
    public TripleBuffer<RnnSnapshot> snapshots() { return snapshots; }

    /** Iterations done since the last reset (any thread). */
    public int iteration() { return publishedIteration; }

    public int shownRule() { return shownRule; }

    public int shownPattern() { return shownPattern; }

    @Override
    public double dt() { return 1.0; }

    private void submit(Object command) {
        commands.add(Objects.requireNonNull(command, "command"));
        LockSupport.unpark(thread);
    }

    @Override public void play() { submit(new Command.Play()); }

    @Override public void pause() { submit(new Command.Pause()); }

    @Override public void step(long n) { submit(new Command.Step(n)); }

    @Override public void reset() { submit(new Command.Reset()); }

    /** Ignored: an RNN run always goes as fast as it can. */
    @Override public void setSpeed(double timeUnitsPerSecond) { }

    @Override public void setLearning(boolean on) { submit(new Command.SetLearning(on)); }

    /**
     * Restarts from iteration 0 with {@code next}, which must have the same network, task and rules (labels)
     * as the current experiment — e.g. another learning rate or μ from the parameter sheet.
     */
    public void replace(RnnExperiment next) {
        RnnExperiment now = publishedExperiment;
        if (!next.network().equals(now.network()) || !next.task().equals(now.task())
                || !next.labels().equals(now.labels())) {
            throw new IllegalArgumentException("only training settings and μ can change during a run");
        }
        submit(new Replace(next));
    }

    /**
     * The run's state, taken on the run thread between two iterations; the future completes there (or fails if
     * the runner is closed first).
     */
    public java.util.concurrent.CompletableFuture<RnnRunState> saveState() {
        java.util.concurrent.CompletableFuture<RnnRunState> done = new java.util.concurrent.CompletableFuture<>();
        submit(new Save(done));
        return done;
    }

    private record Save(java.util.concurrent.CompletableFuture<RnnRunState> done) {}

    /** Which rule and cue pattern (2·bit1 + bit2) the replay shows. */
    public void show(int rule, int pattern) {
        if (rule < 0 || rule >= row.length / RnnHistory.COLUMNS) throw new IllegalArgumentException("no rule " + rule);
        if (pattern < 0 || pattern > 3) throw new IllegalArgumentException("pattern must be 0..3");
        submit(new Show(rule, pattern));
    }

    @Override
    public boolean awaitCommands(long timeout, TimeUnit unit) throws InterruptedException {
        CountDownLatch reached = new CountDownLatch(1);
        submit(new Command.Barrier(reached));
        return reached.await(timeout, unit);
    }

    /** {@code time} and {@code steps} are the iterations done; the rate is iterations per second. */
    @Override
    public RunnerStatus status() {
        return new RunnerStatus(publishedIteration, publishedIteration, publishedRate, publishedRunning,
                publishedLearning);
    }

    @Override
    public boolean isRunning() { return publishedRunning; }

    @Override
    public void close() {
        closed = true;
        if (started) {
            LockSupport.unpark(thread);
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // A save asked for too late must not leave its caller waiting for ever.
        for (Object c; (c = commands.poll()) != null; ) {
            if (c instanceof Save s) s.done().completeExceptionally(new IllegalStateException("the run was closed"));
        }
    }

    private void loop() {
        while (!closed) {
            applyCommands();
            if (playing) {
                if (iterate()) {
                    long now = System.nanoTime();
                    if (now - lastReplayNanos >= REPLAY_PERIOD_NANOS) replayWanted = true;
                    if (playing && iteration == experiment.iterations() && !pausedAtEnd) {
                        pausedAtEnd = true;
                        playing = false;
                    }
                }
            } else {
                LockSupport.parkNanos(50_000_000);
            }
            if (replayWanted) replay();
            measureRate();
            publish();
        }
    }

    private void applyCommands() {
        Object command;
        while ((command = commands.poll()) != null) apply(command);
    }

    private void apply(Object command) {
        if (command instanceof Command.Play) {
            if (!playing) {
                rateMarkNanos = System.nanoTime();
                rateMarkIteration = iteration;
            }
            playing = true;
        } else if (command instanceof Command.Pause) {
            playing = false;
            replayWanted = true;
        } else if (command instanceof Command.Step s) {
            playing = false;
            for (long i = 0; i < s.steps(); i++) if (!iterate()) break;
            replayWanted = true;
        } else if (command instanceof Command.Reset) {
            rebuild();
        } else if (command instanceof Replace r) {
            experiment = r.experiment();
            rebuild();
        } else if (command instanceof Command.SetLearning l) {
            learning = l.on();
            comparison.setLearning(learning);
        } else if (command instanceof Show s) {
            shownRule = s.rule();
            shownPattern = s.pattern();
            replayWanted = true;
        } else if (command instanceof Save s) {
            try {
                s.done().complete(new RnnRunState(experiment, iteration, learning, comparison.save(), history.copy()));
            } catch (RuntimeException e) {
                s.done().completeExceptionally(e);
            }
        } else if (command instanceof Command.Barrier b) {
            if (replayWanted) replay();
            publish();
            b.reached().countDown();
        }
    }

    /** One iteration of every rule; false (and paused, listener told) when it failed or diverged. */
    private boolean iterate() {
        List<IterationMetrics> metrics;
        try {
            metrics = comparison.iterate();
        } catch (RuntimeException | StackOverflowError e) {
            halt(new Halt("Iteration " + (iteration + 1) + " failed: " + e, e));
            return false;
        }
        iteration++;
        String diverged = null;
        for (int k = 0; k < metrics.size(); k++) {
            IterationMetrics m = metrics.get(k);
            int o = k * RnnHistory.COLUMNS;
            row[o + RnnHistory.LOSS] = m.loss();
            row[o + RnnHistory.ACCURACY] = m.accuracy();
            row[o + RnnHistory.ALIGNMENT] = experiment.alignment(k, m);
            row[o + RnnHistory.VALIDATION_ACCURACY] = m.validationAccuracy();
            row[o + RnnHistory.VALIDATION_LOSS] = m.validationLoss();
            row[o + RnnHistory.MILLIS] = m.millis();
            if (!Double.isFinite(m.loss()) && diverged == null) diverged = experiment.rules().get(k).label();
        }
        history.append(row);
        publishedIteration = iteration;
        if (diverged != null) {
            halt(new Halt("Diverged at iteration " + iteration + ": the loss of " + diverged + " is not finite", null));
            return false;
        }
        return true;
    }

    /** Replays the shown pattern with the shown rule's weights into the back snapshot and publishes it. */
    private void replay() {
        replayWanted = false;
        lastReplayNanos = System.nanoTime();
        int k = Math.min(shownRule, comparison.trainers().size() - 1);
        RnnTrainer trainer = comparison.trainers().get(k);
        RnnWeights weights = trainer.weights();
        Trial trial = patterns[shownPattern];
        RnnSnapshot s = snapshots.back();
        try {
            replayNet.forward(weights, trial);
            replayNet.backward(trainer.rule(), replayGradient);
        } catch (RuntimeException e) {
            return; // the iteration reports what is wrong; a replay only shows
        }
        int n = s.units;
        System.arraycopy(trial.x(), 0, s.inputs, 0, steps * 2);
        double[] logits = replayNet.logits();
        for (int t = 0; t < steps; t++) {
            double a = logits[2 * t];
            double b = logits[2 * t + 1];
            s.readout[t] = 1.0 / (1.0 + Math.exp(a - b));
        }
        System.arraycopy(replayNet.rates(), 0, s.rates, 0, steps * n);
        double[] delta = replayNet.delta();
        java.util.Arrays.fill(s.credit, 0.0);
        for (int t = 0; t < steps; t++) {
            int off = t * n;
            for (int j = 0; j < n; j++) s.credit[s.cellType[j] * steps + t] += delta[off + j];
        }
        double mu = experiment.mu();
        if (Double.isNaN(mu)) mu = LearningRule.PAPER_MU;
        double[] means = weights.blockMeans();
        double[] taps = ModPropTaps.taps(spec.alpha(), mu, means, spec.typeSizes(), s.tapCount);
        System.arraycopy(taps, 0, s.taps, 0, taps.length);
        System.arraycopy(weights.w, 0, s.w, 0, n * n);
        int types = s.types;
        for (int i = 0; i < n; i++) {
            int ti = s.cellType[i] * types;
            for (int j = 0; j < n; j++) {
                s.wAb[i * n + j] = means[ti + s.cellType[j]];
                s.dw[i * n + j] = weights.w[i * n + j] - initialW[i * n + j];
            }
        }
        s.iteration = iteration;
        s.rule = k;
        s.pattern = shownPattern;
        s.label = trial.labels()[0];
        s.mu = mu;
        s.serial = snapshots.published() + 1;
        snapshots.publish();
    }

    private void rebuild() {
        comparison = experiment.newComparison();
        comparison.setLearning(learning);
        iteration = 0;
        pausedAtEnd = false;
        history = new RnnHistory(experiment.rules().size(), experiment.iterations());
        publishedExperiment = experiment;
        publishedIteration = 0;
        rateMarkNanos = System.nanoTime();
        rateMarkIteration = 0;
        replayWanted = true;
    }

    private void restore(RnnRunState saved) {
        comparison.restore(saved.comparison());
        learning = saved.learning();
        comparison.setLearning(learning);
        iteration = saved.iteration();
        history = RnnHistory.of(experiment.rules().size(), Math.max(experiment.iterations(), iteration), saved.history());
        if (history.rows() != iteration) {
            throw new IllegalArgumentException("the saved metrics have " + history.rows() + " rows for " + iteration + " iterations");
        }
        // Resumed beyond the file's length: play goes on, as it would have.
        pausedAtEnd = iteration >= experiment.iterations();
        publishedIteration = iteration;
        rateMarkIteration = iteration;
    }

    private void halt(Halt halt) {
        playing = false;
        replayWanted = true;
        publish();
        try {
            listener.halted(halt);
        } catch (RuntimeException e) {
            e.printStackTrace();
        }
    }

    private void measureRate() {
        long now = System.nanoTime();
        if (!playing) {
            publishedRate = 0;
            rateMarkNanos = now;
            rateMarkIteration = iteration;
        } else if (now - rateMarkNanos >= RATE_WINDOW_NANOS) {
            int done = iteration >= rateMarkIteration ? iteration - rateMarkIteration : iteration;
            publishedRate = done * 1e9 / (now - rateMarkNanos);
            rateMarkNanos = now;
            rateMarkIteration = iteration;
        }
    }

    private void publish() {
        publishedIteration = iteration;
        publishedRunning = playing;
        publishedLearning = learning;
    }
}
