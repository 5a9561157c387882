package org.prospect.app.record;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.stage.Window;
import org.prospect.engine.experiment.GleSimulation;

/**
 * Records a view of a simulation as an animation, paced in simulated time: for frame k the recorder
 * itself steps the simulation (on the calling thread, never the FX thread) to {@link
 * RecordingSpec#frameTime}, lets one pulse draw the view, snapshots it on the FX thread and hands the
 * pixels to an encoder thread. The frames therefore depend only on the experiment and the spec, never on
 * how fast the machine is or what the window's frame rate is.
 *
 * <p>Output goes to a temporary file or directory beside the target and is renamed into place only when
 * complete: a cancel or any failure deletes it.
 */
public final class Recorder {
    /** Told after every frame, on the recording thread. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param secondsLeft estimated from the mean time per frame so far
         */
        void update(int framesDone, int framesTotal, double secondsLeft);
    }

    /**
     * @param simulateSeconds stepping and filling the view; {@code drawSeconds} waiting for the pulse that
     *                        draws it; {@code snapshotSeconds} rendering and reading pixels on the FX thread;
     *                        {@code encodeSeconds} the encoder thread's busy time (overlaps the others)
     */
    public record Result(Path output, int frames, double seconds, double simulateSeconds, double drawSeconds,
                         double snapshotSeconds, double encodeSeconds) {
        public String timing() {
            return String.format(java.util.Locale.ROOT, "per frame: simulate %.1f ms, draw %.1f ms, snapshot %.1f ms, encode %.1f ms (parallel)",
                    1e3 * simulateSeconds / frames, 1e3 * drawSeconds / frames, 1e3 * snapshotSeconds / frames, 1e3 * encodeSeconds / frames);
        }
    }

    private final Function<Path, FrameSink> sinks;
    private volatile boolean cancelled;

    /** A recorder writing the spec's format. */
    public Recorder() {
        this(null);
    }

    /** A recorder writing through {@code sinks} (given the temporary path) instead of the spec's format. */
    public Recorder(Function<Path, FrameSink> sinks) {
        this.sinks = sinks;
    }

    /** Asks a recording in progress to stop; it then deletes its output and throws CancellationException. */
    public void cancel() { cancelled = true; }

    public boolean isCancelled() { return cancelled; }

    /**
     * Records; blocks until done. Not on the FX thread (which must be running).
     *
     * @param simulation stepped by the recorder from where it is; nobody else may step it meanwhile
     * @param owner      window to own the offscreen stage, or null
     * @throws CancellationException after {@link #cancel()}, with nothing left on disk
     */
    public Result record(RecordingSpec spec, GleSimulation simulation, RecordableViews views, Window owner,
                         Progress progress) throws IOException, InterruptedException {
        if (Platform.isFxApplicationThread()) throw new IllegalStateException("record() would block the FX thread");
        views.check(spec.view());
        long started = System.nanoTime();
        int width = spec.width();
        int height = spec.height();
        int total = spec.frameCount();
        double dt = simulation.experiment().dynamics().dt();
        AtomicOutput out = spec.format().isDirectory() ? AtomicOutput.directory(spec.output()) : AtomicOutput.file(spec.output());
        FrameSink sink = null;
        RecordableView[] view = new RecordableView[1];
        OffscreenHost[] host = new OffscreenHost[1];
        Thread encoder = null;
        AtomicReference<Throwable> encoderFailure = new AtomicReference<>();
        // Two pixel buffers: the FX thread fills one while the encoder thread writes the other.
        BlockingQueue<int[]> free = new ArrayBlockingQueue<>(2);
        BlockingQueue<int[]> full = new ArrayBlockingQueue<>(3); // both buffers and the end marker
        int[] endOfFrames = new int[0];
        long[] encodeNanos = new long[1];
        try {
            sink = sinks != null ? sinks.apply(out.temporary()) : spec.format().createSink(out.temporary());
            view[0] = Fx.call(() -> views.create(spec.view(), simulation));
            sink.open(width, height, spec.playbackFps());
            free.add(new int[width * height]);
            free.add(new int[width * height]);
            FrameSink target = sink;
            encoder = new Thread(() -> encode(target, free, full, endOfFrames, encoderFailure, encodeNanos), "prospect-record-encoder");
            encoder.setDaemon(true);
            encoder.start();

            advanceTo(simulation, view[0], Math.round(spec.start() / dt));
            long simulate = 0;
            long draw = 0;
            long snap = 0;
            for (int k = 0; k < total; k++) {
                checkCancelled();
                long t0 = System.nanoTime();
                advanceTo(simulation, view[0], Math.round(spec.frameTime(k) / dt));
                view[0].flush();
                if (host[0] == null) {
                    // Shown only once it holds the first frame's data: a ChartFX axis first laid out empty
                    // kept its name drawn over its tick labels.
                    double s = spec.scale();
                    Fx.run(() -> host[0] = new OffscreenHost(view[0].node(), width / s, height / s, s, owner));
                }
                long t1 = System.nanoTime();
                host[0].awaitPulses(2);
                int[] pixels = takeFree(free, encoderFailure);
                long t2 = System.nanoTime();
                Fx.run(() -> host[0].snapshot(width, height, pixels));
                long t3 = System.nanoTime();
                simulate += t1 - t0;
                draw += t2 - t1;
                snap += t3 - t2;
                full.put(pixels);
                if (progress != null) {
                    double elapsed = (System.nanoTime() - started) / 1e9;
                    progress.update(k + 1, total, elapsed / (k + 1) * (total - k - 1));
                }
            }
            full.put(endOfFrames);
            encoder.join();
            encoder = null;
            rethrow(encoderFailure.get());
            checkCancelled();
            sink.finish();
            sink.close();
            out.commit();
            return new Result(out.target(), total, (System.nanoTime() - started) / 1e9, simulate / 1e9, draw / 1e9,
                    snap / 1e9, encodeNanos[0] / 1e9);
        } finally {
            if (encoder != null) {
                encoder.interrupt();
                encoder.join(10_000);
            }
            if (sink != null) sink.close();
            out.discard();
            if (host[0] != null) {
                OffscreenHost h = host[0];
                Platform.runLater(h::close);
            }
        }
    }

    private void advanceTo(GleSimulation simulation, RecordableView view, long step) {
        int sinceCheck = 0;
        while (simulation.stepCount() < step) {
            simulation.step();
            view.afterStep(simulation);
            if (++sinceCheck == 10_000) {
                sinceCheck = 0;
                checkCancelled();
            }
        }
    }

    private void checkCancelled() {
        if (cancelled || Thread.currentThread().isInterrupted()) throw new CancellationException("recording cancelled");
    }

    private int[] takeFree(BlockingQueue<int[]> free, AtomicReference<Throwable> failure) throws InterruptedException, IOException {
        while (true) {
            rethrow(failure.get());
            checkCancelled();
            int[] buffer = free.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (buffer != null) return buffer;
        }
    }

    private static void encode(FrameSink sink, BlockingQueue<int[]> free, BlockingQueue<int[]> full, int[] end,
                               AtomicReference<Throwable> failure, long[] busyNanos) {
        try {
            while (true) {
                int[] pixels = full.take();
                if (pixels == end) return;
                long t0 = System.nanoTime();
                sink.write(pixels);
                busyNanos[0] += System.nanoTime() - t0;
                free.put(pixels);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure.set(t);
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t == null) return;
        if (t instanceof IOException e) throw e;
        if (t instanceof RuntimeException e) throw e;
        if (t instanceof Error e) throw e;
        throw new IOException(t);
    }
}
