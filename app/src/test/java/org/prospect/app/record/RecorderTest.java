package org.prospect.app.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prospect.engine.experiment.GleSimulation;

class RecorderTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        Samples.toolkit();
    }

    private static RecordingSpec spec(VideoFormat format, Path out, double framesPerUnit, double duration) {
        return new RecordingSpec(RecordableViews.DASHBOARD, 320, 240, framesPerUnit, duration, 0, 30, format, out);
    }

    private Recorder.Result record(RecordingSpec spec) throws Exception {
        return new Recorder().record(spec, Samples.simulation(), RecordableViews.standard(), null, null);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.toList();
        }
    }

    @Test
    void mp4DecodesToTheFrameCountAndSize() throws Exception {
        Path out = dir.resolve("anim.mp4");
        Recorder.Result result = record(spec(VideoFormat.MP4, out, 10, 0.5));
        assertEquals(5, result.frames());
        int frames = 0;
        try (SeekableByteChannel ch = NIOUtils.readableChannel(out.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(ch);
            Picture p;
            while ((p = grab.getNativeFrame()) != null) {
                assertEquals(320, p.getCroppedWidth());
                assertEquals(240, p.getCroppedHeight());
                frames++;
            }
        }
        assertEquals(5, frames);
        assertEquals(List.of(out), files(), "no temporary file left beside it");
    }

    @Test
    void gifHasTheFrameCountAndSizeAndLoops() throws Exception {
        Path out = dir.resolve("anim.gif");
        record(spec(VideoFormat.GIF, out, 10, 0.4));
        try (ImageInputStream in = ImageIO.createImageInputStream(out.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(4, reader.getNumImages(true));
            assertEquals(320, reader.getWidth(0));
            assertEquals(240, reader.getHeight(0));
            String meta = tree(reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0"));
            assertTrue(meta.contains("NETSCAPE"), meta);
            assertTrue(meta.contains("delayTime=3"), meta);
            reader.dispose();
        }
        assertEquals(List.of(out), files());
    }

    private static String tree(org.w3c.dom.Node node) {
        StringBuilder b = new StringBuilder(node.getNodeName());
        if (node.getAttributes() != null) {
            for (int i = 0; i < node.getAttributes().getLength(); i++) b.append(' ').append(node.getAttributes().item(i).getNodeName()).append('=').append(node.getAttributes().item(i).getNodeValue());
        }
        for (int i = 0; i < node.getChildNodes().getLength(); i++) b.append(" [").append(tree(node.getChildNodes().item(i))).append(']');
        return b.toString().replace("\"", "");
    }

    @Test
    void theDashboardTheNetworkAndEachChartRecordAtTheirSize() throws Exception {
        for (String view : List.of(RecordableViews.DASHBOARD, RecordableViews.NETWORK, "errors")) {
            Path out = dir.resolve(view);
            int w = view.equals(RecordableViews.DASHBOARD) ? 960 : 400;
            int h = view.equals(RecordableViews.DASHBOARD) ? 540 : 300;
            RecordingSpec spec = new RecordingSpec(view, w, h, 10, 0.3, 0, 30, VideoFormat.PNG, out);
            Recorder.Result result = record(spec);
            assertEquals(3, result.frames(), view);
            List<Path> frames;
            try (Stream<Path> all = Files.list(out)) {
                frames = all.sorted().toList();
            }
            assertEquals(3, frames.size(), view);
            for (Path f : frames) {
                BufferedImage image = ImageIO.read(f.toFile());
                assertEquals(w, image.getWidth(), view);
                assertEquals(h, image.getHeight(), view);
            }
        }
        assertTrue(RecordableViews.standard().names().containsAll(
                List.of("dashboard", "network", "signals", "potentials", "phase", "errors", "weights", "loss")));
    }

    @Test
    void pngSequenceHasOneFilePerFrame() throws Exception {
        Path out = dir.resolve("frames");
        record(spec(VideoFormat.PNG, out, 10, 0.3));
        List<String> names;
        try (Stream<Path> all = Files.list(out)) {
            names = all.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("frame-000001.png", "frame-000002.png", "frame-000003.png"), names);
        BufferedImage first = ImageIO.read(out.resolve(names.get(0)).toFile());
        assertEquals(320, first.getWidth());
        assertEquals(240, first.getHeight());
        assertEquals(List.of(out), files());
    }

    /** A view that notes the simulated time of every frame; rendering it is slow on purpose. */
    private static final class TimingView implements RecordableView {
        final List<Double> frameTimes = new ArrayList<>();
        private final Region node = new StackPane();
        private double time;

        @Override public Region node() { return node; }
        @Override public void afterStep(GleSimulation s) { time = s.time(); }
        @Override public void flush() { frameTimes.add(time); }
        @Override public List<XYChart> charts() { return List.of(); }
    }

    /** Counts frames and takes its time over each, like a slow machine. */
    private static class CountingSink implements FrameSink {
        int frames;
        int width;
        int height;

        @Override public void open(int w, int h, double fps) throws IOException { width = w; height = h; }
        @Override public void write(int[] argb) throws IOException {
            assertEquals(width * height, argb.length);
            frames++;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }
        @Override public void finish() {}
        @Override public void close() {}
    }

    @Test
    void framesArePacedInSimulatedTime() throws Exception {
        TimingView view = new TimingView();
        RecordableViews views = new RecordableViews().register("timing", s -> view);
        CountingSink sink = new CountingSink();
        GleSimulation simulation = Samples.simulation();
        double dt = simulation.experiment().dynamics().dt();
        RecordingSpec spec = new RecordingSpec("timing", 64, 48, 20, 0.5, 0, 30, VideoFormat.MP4, dir.resolve("t.mp4"));
        new Recorder(tmp -> sink).record(spec, simulation, views, null, null);
        assertEquals(10, sink.frames, "20 frames per unit × 0.5 units");
        assertEquals(10, view.frameTimes.size());
        for (int k = 0; k < 10; k++) assertEquals((k + 1) / 20.0, view.frameTimes.get(k), dt / 2, "frame " + k);
        assertEquals(Math.round(0.5 / dt), simulation.stepCount());
    }

    @Test
    void cancellingLeavesNothingBehind() throws Exception {
        Path out = dir.resolve("cancelled.mp4");
        Recorder recorder = new Recorder();
        assertThrows(CancellationException.class, () -> recorder.record(spec(VideoFormat.MP4, out, 10, 2),
                Samples.simulation(), RecordableViews.standard(), null, (done, total, left) -> {
                    if (done == 3) recorder.cancel();
                }));
        assertFalse(Files.exists(out));
        assertEquals(List.of(), files(), "no temporary file either");
    }

    @Test
    void cancellingAPngSequenceLeavesNoDirectory() throws Exception {
        Path out = dir.resolve("frames");
        Recorder recorder = new Recorder();
        assertThrows(CancellationException.class, () -> recorder.record(spec(VideoFormat.PNG, out, 10, 2),
                Samples.simulation(), RecordableViews.standard(), null, (done, total, left) -> {
                    if (done == 3) recorder.cancel();
                }));
        assertEquals(List.of(), files());
    }

    /** Writes some bytes into the temporary output, then fails at the third frame. */
    private static final class FailingSink extends CountingSink {
        private final Path file;

        FailingSink(Path file) { this.file = file; }

        @Override public void open(int w, int h, double fps) throws IOException {
            super.open(w, h, fps);
            Files.write(file, new byte[] {1, 2, 3});
        }

        @Override public void write(int[] argb) throws IOException {
            super.write(argb);
            if (frames == 3) throw new IOException("disk full (test)");
        }
    }

    @Test
    void aFailingSinkLeavesNothingBehind() throws Exception {
        Path out = dir.resolve("broken.mp4");
        IOException e = assertThrows(IOException.class, () -> new Recorder(FailingSink::new)
                .record(spec(VideoFormat.MP4, out, 10, 1), Samples.simulation(), RecordableViews.standard(), null, null));
        assertTrue(e.getMessage().contains("disk full"), e.getMessage());
        assertFalse(Files.exists(out));
        assertEquals(List.of(), files());
    }

    @Test
    void anUnknownViewIsRejectedBeforeAnythingIsWritten() {
        RecordingSpec spec = new RecordingSpec("nope", 320, 240, 10, 1, 0, 30, VideoFormat.MP4, dir.resolve("x.mp4"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Recorder().record(spec, Samples.simulation(), RecordableViews.standard(), null, null));
        assertTrue(e.getMessage().contains("dashboard"), e.getMessage());
        assertFalse(new File(dir.toFile(), "x.mp4").exists());
    }
}
