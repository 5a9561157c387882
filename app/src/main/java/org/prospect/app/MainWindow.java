package org.prospect.app;

import java.nio.file.Path;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.dialog.ExceptionDialog;
import org.prospect.app.charts.Dashboard;
import org.prospect.app.controls.Banner;
import org.prospect.app.controls.ParameterSheet;
import org.prospect.app.controls.StatusBar;
import org.prospect.app.controls.Transport;
import org.prospect.app.prefs.Theme;
import org.prospect.app.record.RecordActions;
import org.prospect.app.record.RecordableViews;
import org.prospect.app.samples.SampleBrowser;
import org.prospect.engine.experiment.ExperimentFileException;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.run.Halt;
import org.prospect.engine.run.RunnerStatus;
import org.prospect.engine.run.SimulationRunner;

/**
 * The main window: menu bar and transport toolbar on top (with the divergence banner under them), the
 * sample browser on the left, the live parameter sheet on the right, the status bar at the bottom, and in
 * the centre what the running experiment looks like (see {@link Centre}). Opening another experiment
 * replaces the run (runner + centre) and keeps the window.
 *
 * <p>Wires the one data path: runner thread → trace → feeder thread → chart data sets; the FX thread only
 * paints and reads status snapshots. Everything the user changes goes to the runner as a command.
 */
final class MainWindow implements AutoCloseable {
    /** Length of the chart's rolling window, in simulated time units. */
    static final int WINDOW_TIME_UNITS = 20;
    /** Trace resolution: with dt = 0.01 every step is drawn, finer steps are decimated. */
    static final int ROWS_PER_TIME_UNIT = 100;
    private static final long STATUS_PERIOD_NANOS = 100_000_000;
    static final String SHORTCUTS = String.join("\n",
            "Space\tplay / pause",
            "→\tone step dt (pauses)",
            "Shift+→\tone time unit (pauses)",
            "R\treset to t = 0",
            "− / +\tslower / faster",
            "L\tlecture mode (large, high contrast, full screen)",
            "F11\tfull screen",
            "Ctrl+B\tshow / hide the sample browser",
            "Ctrl+P\tshow / hide the parameter sheet",
            "Ctrl+O\topen an experiment file",
            "Ctrl+Q\tquit",
            "Enter\tin the sample list: open; in a parameter field: apply",
            "Esc\tin a parameter field: back to the current value");

    private final Transport transport = new Transport();
    private final StatusBar status = new StatusBar(0.01);
    private final Banner banner = new Banner();
    private final ParameterSheet parameters = new ParameterSheet();
    private final SampleBrowser samples;
    private final Path samplesFolder;
    private final Label experimentName = new Label("—");
    private final BorderPane root = new BorderPane();
    private final Label placeholder = new Label("Nothing to run. Open a sample from the list on the left or with Ctrl+O.");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Prospect");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final BooleanProperty lecture = new SimpleBooleanProperty();
    /** The sample browser starts collapsed: the charts get the width (toolbar "Samples", Ctrl+B). */
    private final BooleanProperty samplesShown = new SimpleBooleanProperty(false);
    private final BooleanProperty parametersShown = new SimpleBooleanProperty(true);
    private final AnimationTimer frameClock;
    private Session session;
    private Scene scene;
    private boolean started;
    private boolean lectureMadeFullScreen;
    private boolean lectureFullScreen = true;
    private String lastError;
    private Alert lastAlert;
    private ExceptionDialog lastExceptionDialog;

    /** A window on an experiment built in code (no file); the sample browser lists the default folder. */
    MainWindow(GleExperiment experiment) {
        this(DefaultSample.folder());
        show(experiment, null);
    }

    /** A window with nothing open yet; {@link #open} or {@link #show} gives it a run. */
    MainWindow(Path samplesFolder) {
        this.samplesFolder = samplesFolder;
        samples = new SampleBrowser(samplesFolder);
        samples.setOnOpen(this::open);
        experimentName.setId("experiment-name");
        experimentName.getStyleClass().add("experiment-name");
        placeholder.getStyleClass().add("hint");
        placeholder.setWrapText(true);

        // The experiment's name sits at the right of the menu row, where it never crowds the toolbar out.
        MenuBar menus = menuBar();
        HBox.setHgrow(menus, Priority.ALWAYS);
        HBox menuRow = new HBox(menus, experimentName);
        menuRow.getStyleClass().add("menu-row");
        root.setTop(new VBox(menuRow, toolbar(), banner.node()));
        root.setCenter(placeholder);
        root.setBottom(status.node());
        samples.node().setPrefWidth(320);
        parameters.node().setId("parameter-panel");
        ((Region) parameters.node()).setPrefWidth(330);
        samplesShown.addListener((o, was, now) -> root.setLeft(now ? samples.node() : null));
        parametersShown.addListener((o, was, now) -> root.setRight(now ? parameters.node() : null));
        root.setRight(parameters.node());
        root.getStyleClass().add("main-window");
        theme.addListener((o, was, now) -> restyle());
        lecture.addListener((o, was, now) -> lectureChanged(now));

        frameClock = new AnimationTimer() {
            private long markNanos;
            private long lastShown;
            private int frames;
            private double framesPerSecond;

            @Override
            public void handle(long now) {
                frames++;
                if (markNanos == 0) markNanos = now;
                if (now - markNanos >= 1_000_000_000L) {
                    framesPerSecond = frames * 1e9 / (now - markNanos);
                    frames = 0;
                    markNanos = now;
                }
                if (now - lastShown >= STATUS_PERIOD_NANOS && session != null) {
                    lastShown = now;
                    RunnerStatus s = session.runner.status();
                    transport.show(s);
                    status.show(s, framesPerSecond);
                    parameters.showLearning(s.learning());
                }
            }
        };
    }

    // ---- layout ---------------------------------------------------------------------------------------

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open…");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> chooseFile());
        MenuItem revert = new MenuItem("Revert parameters to file");
        revert.setOnAction(e -> parameters.revert());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> Platform.exit());
        Menu fileMenu = new Menu("File", null, open, revert, new SeparatorMenuItem(), quit);

        MenuItem play = item("Play / pause   (Space)", () -> { if (session != null) transport.togglePlay(); });
        MenuItem step = item("Step   (→)", () -> { if (session != null) session.runner.step(1); });
        MenuItem reset = item("Reset   (R)", () -> { if (session != null) session.runner.reset(); });
        MenuItem slower = item("Slower   (−)", () -> transport.nudgeSpeed(-1));
        MenuItem faster = item("Faster   (+)", () -> transport.nudgeSpeed(+1));
        Menu runMenu = new Menu("Run", null, play, step, reset, new SeparatorMenuItem(), slower, faster);

        CheckMenuItem lectureItem = new CheckMenuItem("Lecture mode   (L)");
        lectureItem.selectedProperty().bindBidirectional(lecture);
        MenuItem fullScreen = item("Full screen   (F11)", this::toggleFullScreen);
        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("Light theme");
        RadioMenuItem dark = new RadioMenuItem("Dark theme");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        light.setSelected(true);
        light.setOnAction(e -> theme.set(Theme.LIGHT));
        dark.setOnAction(e -> theme.set(Theme.DARK));
        theme.addListener((o, was, now) -> (now == Theme.DARK ? dark : light).setSelected(true));
        CheckMenuItem samplesItem = new CheckMenuItem("Samples panel");
        samplesItem.selectedProperty().bindBidirectional(samplesShown);
        samplesItem.setAccelerator(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN));
        CheckMenuItem parametersItem = new CheckMenuItem("Parameters panel");
        parametersItem.setAccelerator(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN));
        parametersItem.selectedProperty().bindBidirectional(parametersShown);
        Menu viewMenu = new Menu("View", null, lectureItem, fullScreen, new SeparatorMenuItem(), light, dark,
                new SeparatorMenuItem(), samplesItem, parametersItem);

        MenuItem keys = item("Keyboard shortcuts", () -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION, SHORTCUTS);
            a.setTitle("Keyboard shortcuts");
            a.setHeaderText("Keyboard shortcuts");
            if (window() != null) a.initOwner(window());
            a.show();
        });
        Menu helpMenu = new Menu("Help", null, keys);
        MenuBar bar = new MenuBar(fileMenu, runMenu, viewMenu, helpMenu);
        bar.setId("menu-bar");
        return bar;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> action.run());
        return m;
    }

    private Node toolbar() {
        var bar = transport.node();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        spacer.setMinWidth(12);
        Button open = new Button("Open…");
        open.setId("open");
        open.setTooltip(new Tooltip("Open an experiment file   (Ctrl+O)"));
        open.setOnAction(e -> chooseFile());
        ToggleButton samplesToggle = new ToggleButton("Samples");
        samplesToggle.setId("samples-toggle");
        samplesToggle.selectedProperty().bindBidirectional(samplesShown);
        samplesToggle.setTooltip(new Tooltip("Show or hide the sample browser   (Ctrl+B)"));
        ToggleButton parametersToggle = new ToggleButton("Parameters");
        parametersToggle.setId("parameters-toggle");
        parametersToggle.selectedProperty().bindBidirectional(parametersShown);
        parametersToggle.setTooltip(new Tooltip("Show or hide the parameter sheet   (Ctrl+P)"));
        ToggleButton lectureToggle = new ToggleButton("Lecture");
        lectureToggle.setId("lecture-toggle");
        lectureToggle.selectedProperty().bindBidirectional(lecture);
        lectureToggle.setTooltip(new Tooltip("Lecture mode: large text, thick lines, high contrast, full screen   (L)"));
        ToggleButton darkToggle = new ToggleButton("Dark");
        darkToggle.setId("theme-toggle");
        darkToggle.setSelected(theme.get() == Theme.DARK);
        darkToggle.selectedProperty().addListener((o, was, now) -> theme.set(now ? Theme.DARK : Theme.LIGHT));
        theme.addListener((o, was, now) -> darkToggle.setSelected(now == Theme.DARK));
        darkToggle.setTooltip(new Tooltip("Dark theme (View ▸ Light/Dark theme)"));
        experimentName.setMinWidth(Region.USE_PREF_SIZE);
        for (var c : new javafx.scene.control.Control[] {samplesToggle, parametersToggle, open, lectureToggle, darkToggle}) {
            c.setFocusTraversable(false);
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        // Record…/Snapshot… act on whatever run is current when they are opened.
        RecordActions.install(bar, this::runner,
                () -> session == null ? Map.of() : Map.of(RecordableViews.DASHBOARD, (Region) session.centre.node()));
        bar.getItems().addAll(spacer, samplesToggle, parametersToggle, open, lectureToggle, darkToggle);
        HBox.setHgrow(bar, Priority.ALWAYS);
        return bar;
    }

    /** A scene with the stylesheets and the keyboard shortcuts. */
    Scene createScene(double width, double height) {
        scene = new Scene(root, width, height);
        restyle();
        transport.installKeys(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl) return;
            if (e.isShortcutDown() || e.isAltDown()) return;
            if (e.getCode() == KeyCode.L) {
                lecture.set(!lecture.get());
            } else if (e.getCode() == KeyCode.F11) {
                toggleFullScreen();
            } else {
                return;
            }
            e.consume();
        });
        return scene;
    }

    private void restyle() {
        if (scene != null) Styles.apply(scene, theme.get(), lecture.get());
    }

    private void lectureChanged(boolean on) {
        restyle();
        // The room sees the run, not the file list: lecture mode hides the sample browser (Ctrl+B brings it back).
        if (on) samplesShown.set(false);
        Stage stage = stage();
        if (stage == null || !lectureFullScreen) return;
        if (on && !stage.isFullScreen()) {
            stage.setFullScreenExitHint("F11 or Esc leaves full screen, L leaves lecture mode");
            stage.setFullScreen(true);
            lectureMadeFullScreen = true;
        } else if (!on && lectureMadeFullScreen) {
            lectureMadeFullScreen = false;
            stage.setFullScreen(false);
        }
    }

    void toggleFullScreen() {
        Stage stage = stage();
        if (stage == null) return;
        stage.setFullScreenExitHint("");
        stage.setFullScreen(!stage.isFullScreen());
        if (!stage.isFullScreen()) lectureMadeFullScreen = false;
    }

    private Window window() {
        return scene == null ? null : scene.getWindow();
    }

    private Stage stage() {
        return window() instanceof Stage s ? s : null;
    }

    // ---- runs -----------------------------------------------------------------------------------------

    /**
     * The centre: what the run looks like, fed from the runner's trace. (The dashboard takes this slot;
     * nothing else in the window depends on what is inside.)
     */
    private static final class Centre implements AutoCloseable {
        private final Dashboard dashboard;

        /** Built before the runner starts: the dashboard observes every step. */
        Centre(SimulationRunner runner) {
            dashboard = new Dashboard(runner);
        }

        Node node() { return dashboard.node(); }

        void start() { dashboard.start(); }

        @Override public void close() { dashboard.close(); }
    }

    /** One experiment being run: its runner and the centre view it feeds. */
    private final class Session implements AutoCloseable {
        final GleExperiment experiment;
        final Path file;
        final SimulationRunner runner;
        final Centre centre;

        Session(GleExperiment experiment, Path file) {
            this.experiment = experiment;
            this.file = file;
            runner = new SimulationRunner(experiment, ROWS_PER_TIME_UNIT, WINDOW_TIME_UNITS * ROWS_PER_TIME_UNIT,
                    halt -> Platform.runLater(() -> halted(this, halt)));
            centre = new Centre(runner);
        }

        void start() {
            runner.start();
            centre.start();
            runner.play();
        }

        @Override public void close() {
            centre.close();
            runner.close();
        }
    }

    /**
     * Opens an experiment file, replacing the current run. A file that does not load leaves the current run
     * as it is and shows the one-line reason (file, field, expectation) in a dialog.
     *
     * @return whether the file was opened
     */
    boolean open(Path path) {
        GleExperiment experiment;
        try {
            experiment = DefaultSample.load(path);
        } catch (ExperimentFileException e) {
            badFile(e.getMessage());
            return false;
        } catch (RuntimeException e) {
            badFile(path + ": cannot load: " + e);
            return false;
        }
        show(experiment, path);
        return true;
    }

    /** Runs {@code experiment} (from {@code path}, or built in code when null), replacing the current run. */
    void show(GleExperiment experiment, Path path) {
        Session next = new Session(experiment, path);
        if (session != null) session.close();
        session = next;
        root.setCenter(next.centre.node());
        transport.bind(next.runner);
        status.setDt(next.runner.dt());
        parameters.show(experiment, next.runner);
        banner.hide();
        experimentName.setText(experiment.name());
        experimentName.setTooltip(new Tooltip(experiment.description()
                + (path == null ? "" : "\n" + path.toAbsolutePath())));
        title.set("Prospect — " + experiment.name());
        file.set(path);
        samples.select(path);
        if (started) next.start();
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open an experiment file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Experiment files (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path current = file.get();
        Path dir = current != null && current.toAbsolutePath().getParent() != null
                ? current.toAbsolutePath().getParent() : samplesFolder.toAbsolutePath();
        if (dir.toFile().isDirectory()) chooser.setInitialDirectory(dir.toFile());
        java.io.File chosen = chooser.showOpenDialog(window());
        if (chosen != null) open(chosen.toPath());
    }

    private void badFile(String message) {
        lastError = message;
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setTitle("Could not open the experiment");
        alert.setHeaderText("Could not open the experiment; the current run goes on.");
        alert.getDialogPane().setMinWidth(640);
        if (window() != null) alert.initOwner(window());
        lastAlert = alert;
        alert.show();
    }

    /** On the FX thread, when a run paused itself. */
    private void halted(Session from, Halt halt) {
        if (from != session) return; // a run already replaced
        banner.show("Paused — " + halt.message());
        if (halt.cause() != null) showException("The engine stopped with an error", halt.message(), halt.cause());
    }

    /** A dialog with the error and its stack trace (expandable); the window goes on. */
    void showException(String title, String header, Throwable cause) {
        ExceptionDialog d = new ExceptionDialog(cause);
        d.setTitle(title);
        d.setHeaderText(header);
        if (window() != null) d.initOwner(window());
        lastExceptionDialog = d;
        d.show();
    }

    /** Starts the run's threads and plays at the chosen speed. */
    void start() {
        started = true;
        frameClock.start();
        if (session != null) session.start();
    }

    /** Shown on a banner: e.g. a settings file that could not be read, or a default sample that is missing. */
    void warn(String text) {
        banner.show(text, true);
    }

    void setTheme(Theme t) { theme.set(t); }

    /** Whether entering lecture mode also goes full screen (default true). */
    void setLectureFullScreen(boolean on) { lectureFullScreen = on; }

    ObjectProperty<Theme> themeProperty() { return theme; }

    BooleanProperty lectureProperty() { return lecture; }

    ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }

    /** The file of the current run (null for none or an experiment built in code). */
    ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }

    Parent root() { return root; }

    /** The current run's runner, or null. */
    SimulationRunner runner() { return session == null ? null : session.runner; }

    GleExperiment experiment() { return session == null ? null : session.experiment; }

    Banner banner() { return banner; }

    ParameterSheet parameters() { return parameters; }

    /** The current run's dashboard, or null. */
    Dashboard dashboard() { return session == null ? null : session.centre.dashboard; }

    SampleBrowser samples() { return samples; }

    /** Whether the sample browser is shown (toolbar "Samples", Ctrl+B). */
    BooleanProperty samplesShownProperty() { return samplesShown; }

    /** Whether the parameter sheet is shown (toolbar "Parameters", Ctrl+P). */
    BooleanProperty parametersShownProperty() { return parametersShown; }

    Transport transport() { return transport; }

    /** The message of the last file that failed to open, or null. */
    String lastError() { return lastError; }

    Alert lastAlert() { return lastAlert; }

    ExceptionDialog lastExceptionDialog() { return lastExceptionDialog; }

    @Override
    public void close() {
        frameClock.stop();
        if (session != null) session.close();
        if (lastAlert != null) lastAlert.close();
        if (lastExceptionDialog != null) lastExceptionDialog.close();
    }
}
