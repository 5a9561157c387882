package org.prospect.app.record;

import java.net.URL;
import java.nio.IntBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

/**
 * Holds a view for rendering at a size independent of any window: the view is laid out at a logical size
 * and snapshotted through a scale transform, so a 3840×2160 frame is the 1280×720 layout drawn 3× finer
 * (text and lines stay vector-sharp, not upscaled pixels).
 *
 * <p>ChartFX 11.3 draws its canvas in scene pulse listeners, which run only for a scene in a showing
 * window; so the scene sits in a tiny, transparent, undecorated utility stage. Its size does not matter:
 * the root is a Group, which lays the view out at the view's own (fixed) size. All methods on the FX
 * thread except {@link #awaitPulse()}.
 */
final class OffscreenHost implements AutoCloseable {
    static final String STYLESHEET = "/org/prospect/app/assets/prospect.css";

    private final Stage stage;
    private final Scene scene;
    private final StackPane frame;
    private final SnapshotParameters parameters = new SnapshotParameters();
    private final AtomicReference<CompletableFuture<Void>> pulseWaiter = new AtomicReference<>();
    private WritableImage image;

    /**
     * @param scale device pixels per layout pixel: the view is laid out at width/scale × height/scale
     */
    OffscreenHost(Region view, double logicalWidth, double logicalHeight, double scale, Window owner) {
        frame = new StackPane(view);
        frame.getStyleClass().add("main-window");
        frame.setStyle("-fx-background-color: white;");
        frame.setMinSize(logicalWidth, logicalHeight);
        frame.setPrefSize(logicalWidth, logicalHeight);
        frame.setMaxSize(logicalWidth, logicalHeight);
        scene = new Scene(new Group(frame), 1, 1, Color.WHITE);
        URL css = OffscreenHost.class.getResource(STYLESHEET);
        if (css != null) scene.getStylesheets().add(css.toExternalForm());
        scene.addPostLayoutPulseListener(() -> {
            CompletableFuture<Void> waiter = pulseWaiter.getAndSet(null);
            if (waiter != null) Platform.runLater(() -> waiter.complete(null)); // after the pulse, not inside it
        });
        stage = new Stage(StageStyle.UTILITY);
        if (owner != null) stage.initOwner(owner);
        stage.setOpacity(0);
        stage.setX(-20_000);
        stage.setY(-20_000);
        stage.setWidth(1);
        stage.setHeight(1);
        stage.setScene(scene);
        stage.show();
        parameters.setFill(Color.WHITE);
        parameters.setTransform(Transform.scale(scale, scale));
    }

    /**
     * Recording thread: waits until one full pulse (CSS, layout, ChartFX's drawing) has passed since the
     * call, so what was flushed into the view's data sets before is on its canvas.
     */
    void awaitPulse() throws InterruptedException {
        awaitPulses(1);
    }

    /**
     * Waits for {@code n} pulses in a row, for layouts that settle over more than one pulse. (A ChartFX axis
     * first laid out with no data kept its name over its tick labels whatever the pulses that followed:
     * callers show the view only once it holds data.)
     */
    void awaitPulses(int n) throws InterruptedException {
        for (int i = 0; i < n; i++) awaitOnePulse();
    }

    private void awaitOnePulse() throws InterruptedException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            pulseWaiter.set(done);
            Platform.requestNextPulse();
        });
        Fx.await(done);
    }

    /** Renders the view into {@code argb} (width × height, row-major); FX thread. */
    void snapshot(int width, int height, int[] argb) {
        if (image == null || (int) image.getWidth() != width || (int) image.getHeight() != height) {
            image = new WritableImage(width, height);
        }
        frame.snapshot(parameters, image);
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), IntBuffer.wrap(argb), width);
    }

    /** Renders the view into a new image of {@code width × height}; FX thread. */
    WritableImage snapshot(int width, int height) {
        WritableImage out = new WritableImage(width, height);
        frame.snapshot(parameters, out);
        return out;
    }

    @Override
    public void close() {
        stage.hide();
        frame.getChildren().clear();
    }
}
