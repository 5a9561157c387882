package org.prospect.app.record;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.prospect.engine.experiment.ExperimentFile;
import org.prospect.engine.experiment.ExperimentFileException;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.experiment.GleSimulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "record", description = {
        "Record a view of an experiment as MP4, animated GIF or numbered PNGs, offscreen (no display needed).",
        "Frames are paced in simulated time: N frames per time unit for T time units gives N×T frames."})
final class RecordCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "experiment file (JSON)")
    Path file;

    @Option(names = "--duration", required = true, paramLabel = "T", description = "simulated time units to record")
    double duration;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "anim.mp4, anim.gif, or a directory for PNGs")
    Path out;

    @Option(names = "--size", defaultValue = "1920x1080", paramLabel = "WxH", description = "frame size, up to 3840x2160 (default ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--view", defaultValue = RecordableViews.DASHBOARD, paramLabel = "VIEW", description = "dashboard, network, or a chart: signals, potentials, phase, errors, weights, loss (default ${DEFAULT-VALUE})")
    String view;

    @Option(names = "--fps-per-unit", defaultValue = "30", paramLabel = "N", description = "frames per simulated time unit (default ${DEFAULT-VALUE})")
    double framesPerUnit;

    @Option(names = "--fps", defaultValue = "30", paramLabel = "F", description = "playback frames per second (default ${DEFAULT-VALUE})")
    double playbackFps;

    @Option(names = "--from", defaultValue = "0", paramLabel = "T0", description = "simulate up to this time before the first frame (default 0)")
    double start;

    @Option(names = "--format", paramLabel = "mp4|gif|png", description = "default: from the extension of --out (none: png)")
    String format;

    @Override
    public Integer call() throws Exception {
        RecordingSpec spec;
        GleExperiment experiment;
        RecordableViews views = RecordableViews.standard();
        try {
            int[] wh = RecordingSpec.parseSize(size);
            VideoFormat f = format == null ? VideoFormat.fromPath(out) : VideoFormat.parse(format);
            spec = new RecordingSpec(view, wh[0], wh[1], framesPerUnit, duration, start, playbackFps, f, out);
            views.check(view);
            experiment = ExperimentFile.load(file);
        } catch (IllegalArgumentException | ExperimentFileException e) {
            System.err.println("prospect record: " + e.getMessage());
            return 2;
        }
        HeadlessFx.start();
        Recorder recorder = new Recorder();
        long[] lastPrint = {0};
        Recorder.Result result;
        try {
            result = recorder.record(spec, new GleSimulation(experiment), views, null, (done, total, left) -> {
                long now = System.nanoTime();
                if (done == total || now - lastPrint[0] > 500_000_000L) {
                    lastPrint[0] = now;
                    System.err.printf(Locale.ROOT, "\rframe %d/%d (%.0f%%), %s left   ", done, total, 100.0 * done / total,
                            RecordDialog.formatSeconds(left));
                }
            });
        } catch (java.io.IOException e) {
            System.err.println();
            System.err.println("prospect record: " + e.getMessage());
            return 2;
        }
        System.err.printf(Locale.ROOT, "%nwrote %s: %d frames %dx%d in %.1f s (%.2f s/frame)%n", result.output(), result.frames(),
                spec.width(), spec.height(), result.seconds(), result.seconds() / result.frames());
        System.err.println(result.timing());
        javafx.application.Platform.exit();
        return 0;
    }
}
