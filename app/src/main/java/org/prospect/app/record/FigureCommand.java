package org.prospect.app.record;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.prospect.engine.experiment.ExperimentFile;
import org.prospect.engine.experiment.ExperimentFileException;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.experiment.GleSimulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "figure", description = "Run an experiment headless for T time units and write a view as PNG or SVG (vector, text as text).")
final class FigureCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "experiment file (JSON)")
    Path file;

    @Option(names = "--duration", required = true, paramLabel = "T", description = "simulated time before the figure is taken")
    double duration;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "fig.svg or fig.png")
    Path out;

    @Option(names = "--view", defaultValue = RecordableViews.DASHBOARD, paramLabel = "VIEW", description = "dashboard, network, or a chart: signals, potentials, phase, errors, weights, loss (default ${DEFAULT-VALUE})")
    String view;

    @Option(names = "--scale", defaultValue = "2", paramLabel = "S", description = "PNG pixels per layout pixel: 1, 2 or 4 (default ${DEFAULT-VALUE})")
    double scale;

    @Option(names = "--size", defaultValue = "1280x720", paramLabel = "WxH", description = "layout size before scaling (default ${DEFAULT-VALUE})")
    String size;

    @Override
    public Integer call() throws Exception {
        GleExperiment experiment;
        RecordableViews views = RecordableViews.standard();
        int[] wh;
        try {
            wh = RecordingSpec.parseSize(size);
            if (!(scale > 0) || scale > 4) throw new IllegalArgumentException("--scale: expected 1, 2 or 4 (at most 4), got " + scale);
            if (!(duration > 0)) throw new IllegalArgumentException("--duration: expected a positive time, got " + duration);
            views.check(view);
            experiment = ExperimentFile.load(file);
        } catch (IllegalArgumentException | ExperimentFileException e) {
            System.err.println("prospect figure: " + e.getMessage());
            return 2;
        }
        HeadlessFx.start();
        FigureExporter.Format format = FigureExporter.Format.fromPath(out);
        FigureExporter.render(new GleSimulation(experiment), duration, views, view, wh[0], wh[1], scale, format, out, null);
        System.err.println("wrote " + out.toAbsolutePath());
        javafx.application.Platform.exit();
        return 0;
    }
}
