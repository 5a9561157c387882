package org.prospect.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Developer aid for looking at the window without a screen: with {@code -Dprospect.screenshot=OUT.png}
 * the app writes a snapshot of its scene after {@code -Dprospect.screenshot.delay} seconds (default 8)
 * and quits. Used by scripts/screenshot.sh.
 */
final class Screenshot {
    private Screenshot() {}

    static void scheduleIfAsked(Scene scene) {
        String out = System.getProperty("prospect.screenshot");
        if (out == null || out.isBlank()) return;
        double delay = Double.parseDouble(System.getProperty("prospect.screenshot.delay", "8"));
        PauseTransition wait = new PauseTransition(Duration.seconds(delay));
        wait.setOnFinished(e -> {
            try {
                write(scene.snapshot(null), Path.of(out));
                System.err.println("screenshot written to " + Path.of(out).toAbsolutePath());
            } catch (IOException ex) {
                System.err.println("screenshot failed: " + ex);
            }
            Platform.exit();
        });
        wait.play();
    }

    static void write(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) png.setRGB(x, y, pixels.getArgb(x, y));
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        ImageIO.write(png, "png", file.toFile());
    }
}
