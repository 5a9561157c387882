package org.prospect.app.record;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Numbered PNG files, frame-000001.png …, in one directory (the temporary one while recording). */
final class PngSequenceSink implements FrameSink {
    private final Path directory;
    private BufferedImage image;
    private int count;

    PngSequenceSink(Path directory) {
        this.directory = directory;
    }

    static String fileName(int frame) {
        return String.format(Locale.ROOT, "frame-%06d.png", frame);
    }

    @Override
    public void open(int width, int height, double framesPerSecond) throws IOException {
        Files.createDirectories(directory);
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    @Override
    public void write(int[] argb) throws IOException {
        image.setRGB(0, 0, image.getWidth(), image.getHeight(), argb, 0, image.getWidth());
        Path file = directory.resolve(fileName(++count));
        if (!ImageIO.write(image, "png", file.toFile())) throw new IOException("no PNG writer in this Java runtime");
    }

    @Override
    public void finish() {}

    @Override
    public void close() {}
}
