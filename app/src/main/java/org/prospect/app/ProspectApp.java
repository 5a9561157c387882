package org.prospect.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.prospect.app.prefs.Prefs;
import org.prospect.app.prefs.PrefsStore;
import org.prospect.app.prefs.Theme;

/**
 * The JavaFX application: one window, playing from the start on the file opened last (if it still loads)
 * or the default sample. Window bounds, theme, lecture mode and the last file are remembered in the
 * user's settings file ({@link PrefsStore}); {@code -Dprospect.theme=dark} and {@code -Dprospect.lecture=true}
 * override them (used for screenshots), and {@code -Dprospect.open=FILE} opens that experiment or session first.
 */
public final class ProspectApp extends Application {
    private MainWindow window;
    private PrefsStore store;
    private Prefs prefs;
    private Stage stage;
    private DrawingPriority drawingPriority;
    /** The last bounds while neither maximised nor full screen: what the next launch restores. */
    private Rectangle2D normalBounds;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        store = PrefsStore.standard();
        PrefsStore.Loaded loaded = store.load();
        prefs = loaded.prefs();
        String themeOverride = System.getProperty("prospect.theme");
        if (themeOverride != null) prefs = prefs.withTheme(Theme.parse(themeOverride));
        String lectureOverride = System.getProperty("prospect.lecture");
        if (lectureOverride != null) prefs = prefs.withLecture(Boolean.parseBoolean(lectureOverride));

        window = new MainWindow(DefaultSample.folder());
        window.setTheme(prefs.theme());
        Rectangle2D first = firstBounds();
        Scene scene = window.createScene(first.getWidth(), first.getHeight());
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> {
            e.printStackTrace();
            window.showException("Unexpected error", "Something went wrong in the window; the run goes on.", e);
        });
        stage.titleProperty().bind(window.titleProperty());
        stage.setScene(scene);
        placeWindow(stage);
        stage.show();

        if (!openFirst() && loaded.warning() == null) {
            window.warn("Could not open the default sample " + DefaultSample.path().toAbsolutePath()
                    + " (run from the project folder, or set -D" + DefaultSample.SAMPLES_PROPERTY
                    + "=<samples folder>). Open a sample from the list or with Ctrl+O.");
        }
        if (loaded.warning() != null) {
            System.err.println("warning: " + loaded.warning());
            window.warn(loaded.warning());
        }
        window.lectureProperty().set(prefs.lecture());
        // -Dprospect.speed=5 or =max: the starting speed (screenshots of slow samples such as MNIST-1D).
        String speed = System.getProperty("prospect.speed");
        if (speed != null && !speed.isBlank()) {
            window.transport().setSpeed(speed.equals("max") ? Double.POSITIVE_INFINITY : Double.parseDouble(speed));
        }
        // -Dprospect.window=200: the charts' rolling window in τ (screenshots of a long history).
        String rolling = System.getProperty("prospect.window");
        if (rolling != null && !rolling.isBlank() && window.dashboard() != null) {
            window.dashboard().setWindow(Double.parseDouble(rolling));
        }
        window.start();
        drawingPriority = DrawingPriority.start();

        window.themeProperty().addListener((o, was, now) -> remember(prefs.withTheme(now)));
        window.lectureProperty().addListener((o, was, now) -> remember(prefs.withLecture(now)));
        window.fileProperty().addListener((o, was, now) -> { if (now != null) remember(prefs.withLastFile(now)); });
        Screenshot.scheduleIfAsked(scene);
        if (GuiBench.asked()) GuiBench.run(window);
    }

    /**
     * {@code -Dprospect.open=FILE} if given (screenshots, lectures), else the last file if it still loads, else
     * the default sample; false when none opened.
     */
    private boolean openFirst() {
        // -Dprospect.open=FILE (an experiment or a .session): what scripts/screenshot.sh uses to show a file.
        String asked = System.getProperty("prospect.open");
        if (asked != null && !asked.isBlank()) {
            Path p = Path.of(asked);
            if (p.getFileName().toString().endsWith(".session") ? window.openSession(p) : window.open(p)) return true;
        }
        Path last = prefs.lastFile();
        if (last != null && Files.isRegularFile(last) && window.open(last)) return true;
        if (last != null && window.lastAlert() != null) window.lastAlert().close(); // quietly fall back
        return window.open(DefaultSample.path());
    }

    /**
     * Where the window opens: the remembered bounds (never larger than the screen: a projector may be smaller
     * than the desk's monitor), or, on a first launch, the whole of the screen's visual bounds — the charts
     * need the room. {@code -Dprospect.size=WxH} overrides both (screenshots at a given size).
     */
    private Rectangle2D firstBounds() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        String asked = System.getProperty("prospect.size");
        if (asked != null && asked.matches("\\d+x\\d+")) {
            String[] wh = asked.split("x");
            return new Rectangle2D(screen.getMinX(), screen.getMinY(), Math.min(Double.parseDouble(wh[0]), screen.getWidth()),
                    Math.min(Double.parseDouble(wh[1]), screen.getHeight()));
        }
        if (!prefs.hasPosition()) return screen;
        return new Rectangle2D(prefs.x(), prefs.y(), Math.min(prefs.width(), screen.getWidth()),
                Math.min(prefs.height(), screen.getHeight()));
    }

    private void placeWindow(Stage stage) {
        Rectangle2D first = firstBounds();
        stage.setWidth(first.getWidth());
        stage.setHeight(first.getHeight());
        if (!prefs.hasPosition() || System.getProperty("prospect.size") != null) {
            stage.setX(first.getMinX());
            stage.setY(first.getMinY());
        } else if (prefs.hasPosition()
                && !Screen.getScreensForRectangle(prefs.x(), prefs.y(), Math.min(prefs.width(), 200), 50).isEmpty()) {
            stage.setX(prefs.x());
            stage.setY(prefs.y());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(prefs.maximized());
        normalBounds = new Rectangle2D(prefs.hasPosition() ? prefs.x() : Double.NaN,
                prefs.hasPosition() ? prefs.y() : Double.NaN, prefs.width(), prefs.height());
        Runnable track = () -> {
            if (!stage.isMaximized() && !stage.isFullScreen() && stage.isShowing()) {
                normalBounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        };
        stage.xProperty().addListener((o, a, b) -> track.run());
        stage.yProperty().addListener((o, a, b) -> track.run());
        stage.widthProperty().addListener((o, a, b) -> track.run());
        stage.heightProperty().addListener((o, a, b) -> track.run());
    }

    private void remember(Prefs p) {
        prefs = p;
        save();
    }

    private void save() {
        try {
            store.save(prefs);
        } catch (IOException | RuntimeException e) {
            System.err.println("warning: could not save the settings to " + store.file() + ": " + e);
        }
    }

    @Override
    public void stop() {
        if (drawingPriority != null) drawingPriority.stop();
        if (stage != null && normalBounds != null) {
            prefs = prefs.withBounds(normalBounds.getMinX(), normalBounds.getMinY(), normalBounds.getWidth(),
                    normalBounds.getHeight(), stage.isMaximized());
        }
        if (window != null) {
            save();
            window.close();
        }
    }
}
