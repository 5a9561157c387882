package org.prospect.app.record;

import io.fair_acc.chartfx.XYChart;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.prospect.engine.experiment.GleSimulation;

/**
 * Figures for papers: a view as PNG at 1×, 2× or 4× its layout size (rendered through a scale transform,
 * so text and lines are drawn at that resolution, not upscaled), or its charts as SVG. Both written
 * atomically (temporary file beside the target, renamed when complete).
 */
public final class FigureExporter {
    public enum Format {
        PNG, SVG;

        /** .svg → SVG; anything else PNG. */
        public static Format fromPath(Path out) {
            String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".svg") ? SVG : PNG;
        }
    }

    public static final double[] SCALES = {1, 2, 4};

    private FigureExporter() {}

    /** The node rendered at {@code scale} device pixels per layout pixel on white; FX thread. */
    public static WritableImage snapshot(Node node, double scale) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.WHITE);
        parameters.setTransform(Transform.scale(scale, scale));
        return node.snapshot(parameters, null);
    }

    /** The charts in a node: the node itself when it is one, else every XYChart under it in scene order. */
    public static List<XYChart> chartsIn(Node node) {
        List<XYChart> charts = new ArrayList<>();
        if (node instanceof XYChart c) {
            charts.add(c);
        } else {
            for (Node n : node.lookupAll(".chart")) if (n instanceof XYChart c && !charts.contains(c)) charts.add(c);
        }
        return charts;
    }

    /** SVG text of the charts; FX thread. */
    public static String svg(List<XYChart> charts) throws IOException {
        StringWriter out = new StringWriter();
        SvgChartExporter.write(charts, out);
        return out.toString();
    }

    public static void writePng(WritableImage image, Path target) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), IntBuffer.wrap(argb), w);
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        png.setRGB(0, 0, w, h, argb, 0, w);
        AtomicOutput out = AtomicOutput.file(target);
        try {
            if (!ImageIO.write(png, "png", out.temporary().toFile())) throw new IOException("no PNG writer in this Java runtime");
            out.commit();
        } finally {
            out.discard();
        }
    }

    public static void writeSvg(String svg, Path target) throws IOException {
        AtomicOutput out = AtomicOutput.file(target);
        try {
            Files.writeString(out.temporary(), svg, StandardCharsets.UTF_8);
            out.commit();
        } finally {
            out.discard();
        }
    }

    /**
     * Headless: steps {@code simulation} to simulated time {@code until} (frames none), renders {@code view}
     * offscreen at the layout size {@code layoutWidth × layoutHeight} and writes it. Not on the FX thread.
     */
    public static void render(GleSimulation simulation, double until, RecordableViews views, String view, int layoutWidth,
                              int layoutHeight, double scale, Format format, Path target, Window owner)
            throws IOException, InterruptedException {
        views.check(view);
        RecordableView[] v = new RecordableView[1];
        OffscreenHost[] host = new OffscreenHost[1];
        try {
            v[0] = Fx.call(() -> views.create(view, simulation));
            long last = Math.round(until / simulation.experiment().dynamics().dt());
            while (simulation.stepCount() < last) {
                simulation.step();
                v[0].afterStep(simulation);
            }
            v[0].flush();
            // Shown only once it holds its data: a ChartFX axis first laid out empty kept its name over its tick labels.
            Fx.run(() -> host[0] = new OffscreenHost(v[0].node(), layoutWidth, layoutHeight, scale, owner));
            host[0].awaitPulses(3);
            if (format == Format.PNG) {
                int w = (int) Math.round(layoutWidth * scale);
                int h = (int) Math.round(layoutHeight * scale);
                WritableImage image = Fx.call(() -> host[0].snapshot(w, h));
                writePng(image, target);
            } else {
                String svg = Fx.call(() -> {
                    try {
                        return svg(v[0].charts());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                writeSvg(svg, target);
            }
        } finally {
            if (host[0] != null) {
                OffscreenHost h = host[0];
                javafx.application.Platform.runLater(h::close);
            }
        }
    }
}
