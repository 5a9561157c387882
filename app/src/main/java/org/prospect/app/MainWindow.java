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
import org.prospect.app.rnn.RnnDashboard;
import org.prospect.app.rnn.RnnSheet;
import org.prospect.app.views.ExtraView;
import org.prospect.app.views.RnnMetricsExport;
import org.prospect.app.views.RunFiles;
import org.prospect.engine.experiment.Experiment;
import org.prospect.engine.experiment.ExperimentFile;
import org.prospect.engine.experiment.ExperimentFileException;
import org.prospect.engine.experiment.ExperimentText;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.experiment.RnnExperiment;
import org.prospect.engine.experiment.SessionFile;
import org.prospect.engine.run.Halt;
import org.prospect.engine.run.HaltListener;
import org.prospect.engine.run.RnnRunState;
import org.prospect.engine.run.RnnRunner;
import org.prospect.engine.run.RunControl;
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
            "Ctrl+S\tsave the session (continue it later)",
            "Ctrl+E\texport the traces the charts hold now (CSV or NPZ; an RNN run: its metrics)",
            "Ctrl+Shift+E\texport the whole run (CSV or NPZ), regenerated from the start",
            "Ctrl+Shift+O\topen a saved session",
            "Ctrl+Q\tquit",
            "Enter\tin the sample list: open; in a parameter field: apply",
            "Esc\tin a parameter field: back to the current value");

    private final Transport transport = new Transport();
    private final StatusBar status = new StatusBar(0.01);
    private final org.prospect.app.controls.AdjointCoverage adjointCoverage = new org.prospect.app.controls.AdjointCoverage();
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
    private org.prospect.app.views.ExportProgress lastExportProgress;
    /** Asks for a file to write; tests replace the platform's save dialog, which cannot be driven headless. */
    private java.util.function.Function<FileChooser, java.io.File> saveDialog = c -> c.showSaveDialog(window());

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
        parametersShown.addListener((o, was, now) -> root.setRight(now ? sheet() : null));
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
                    showAdjointCoverage();
                }
                if (now - lastShown >= STATUS_PERIOD_NANOS && session != null) {
                    lastShown = now;
                    RunnerStatus s = session.control.status();
                    transport.show(s);
                    status.show(s, framesPerSecond);
                    if (session.rnn == null) parameters.showLearning(s.learning());
                }
            }
        };
    }

    /** Once a second: how many of the λ/ε windows the low-priority worker managed (the status bar shows gaps). */
    private void showAdjointCoverage() {
        org.prospect.engine.adjoint.SlidingAdjoint sliding =
                dashboard() == null ? null : dashboard().probe().slidingAdjoint();
        status.showAdjointCoverage(sliding == null ? Double.NaN
                : adjointCoverage.update(sliding, sliding.computations(), sliding.skipped()));
    }

    // ---- layout ---------------------------------------------------------------------------------------

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open…");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> chooseFile());
        MenuItem revert = new MenuItem("Revert parameters to file");
        revert.setOnAction(e -> {
            if (session != null && session.rnnSheet != null) session.rnnSheet.revert();
            else parameters.revert();
        });
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> Platform.exit());
        MenuItem openSession = item("Open session…", () -> chooseFile(FileKind.SESSION_IN));
        openSession.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        MenuItem saveSession = item("Save session…", () -> chooseFile(FileKind.SESSION_OUT));
        saveSession.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        MenuItem export = item("Export _visible window…", () -> chooseFile(FileKind.EXPORT));
        export.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        MenuItem exportRun = item("Export _whole run…", () -> chooseFile(FileKind.EXPORT_RUN));
        exportRun.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        exportRun.setId("export-whole-run");
        Menu fileMenu = new Menu("File", null, open, openSession, saveSession, export, exportRun, revert,
                new SeparatorMenuItem(), quit);

        MenuItem play = item("Play / pause   (Space)", () -> { if (session != null) transport.togglePlay(); });
        MenuItem step = item("Step   (→)", () -> { if (session != null) session.control.step(1); });
        MenuItem reset = item("Reset   (R)", () -> { if (session != null) session.control.reset(); });
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
        /** The comparison or MNIST-1D view beside the dashboard (a tab), or null. */
        private final ExtraView extra;
        private final Node node;

        /** Built before the runner starts: the dashboard observes every step. */
        Centre(SimulationRunner runner) {
            dashboard = new Dashboard(runner);
            extra = ExtraView.forRunner(runner);
            node = ExtraView.centre(dashboard.node(), extra);
        }

        Node node() { return node; }

        void start() {
            dashboard.start();
            if (extra != null) extra.start();
        }

        @Override public void close() {
            dashboard.close();
            if (extra != null) extra.close();
        }
    }

    /**
     * One experiment being run: its runner and the centre view it feeds — a GLE run's {@link Centre}, or an RNN
     * run's dashboard and its small parameter sheet (which takes the GLE sheet's place on the right).
     */
    private final class Session implements AutoCloseable {
        final Experiment experiment;
        final Path file;
        /** The experiment file's text as read when the run was opened (null for one built in code). */
        final ExperimentText source;
        final RunControl control;
        /** GLE runs only (null for an RNN run). */
        final SimulationRunner runner;
        final Centre centre;
        /** RNN runs only (null for a GLE run). */
        final RnnRunner rnnRunner;
        final RnnDashboard rnn;
        final RnnSheet rnnSheet;

        /**
         * An RNN run of {@code experiment}; or all {@code learners} of a GLE file in lockstep (the first is shown),
         * continuing {@code resumed} when given.
         */
        Session(Experiment experiment, java.util.List<ExperimentFile.Learner> learners, ExperimentText source,
                Path file, Resumed resumed) {
            this.experiment = experiment;
            this.file = file;
            this.source = source;
            HaltListener onHalt = halt -> Platform.runLater(() -> halted(this, halt));
            if (experiment instanceof RnnExperiment x) {
                rnnRunner = resumed != null && resumed.rnn() != null ? RnnRunner.resume(resumed.rnn(), onHalt)
                        : new RnnRunner(x, onHalt);
                rnn = new RnnDashboard(rnnRunner);
                rnnSheet = new RnnSheet(rnnRunner);
                runner = null;
                centre = null;
                control = rnnRunner;
            } else {
                int capacity = WINDOW_TIME_UNITS * ROWS_PER_TIME_UNIT;
                runner = resumed != null
                        ? SimulationRunner.resume(learners, resumed.learners(), ROWS_PER_TIME_UNIT, capacity, onHalt)
                        : new SimulationRunner(learners, ROWS_PER_TIME_UNIT, capacity, onHalt);
                centre = new Centre(runner);
                rnnRunner = null;
                rnn = null;
                rnnSheet = null;
                control = runner;
            }
        }

        Node centreNode() { return centre != null ? centre.node() : rnn.node(); }

        void start() {
            control.start();
            if (centre != null) centre.start();
            else rnn.start();
            control.play();
        }

        @Override public void close() {
            if (centre != null) centre.close();
            else rnn.close();
            control.close();
        }
    }

    /** Where a run opened from a session starts: every GLE learner's simulation, or an RNN run's state. */
    private record Resumed(java.util.List<GleSimulation> learners, RnnRunState rnn) {}

    /** The parameter sheet for the current run: the GLE sheet, or an RNN run's own. */
    private Node sheet() {
        return session != null && session.rnnSheet != null ? session.rnnSheet.node() : parameters.node();
    }

    /**
     * Opens an experiment file, replacing the current run. A file that does not load leaves the current run
     * as it is and shows the one-line reason (file, field, expectation) in a dialog.
     *
     * @return whether the file was opened
     */
    boolean open(Path path) {
        Experiment experiment;
        java.util.List<ExperimentFile.Learner> learners = null;
        ExperimentText source;
        try {
            // Read once and kept: sessions and exports describe the file as it was opened.
            source = DefaultSample.read(path);
            experiment = ExperimentFile.loadAny(source);
            if (experiment instanceof GleExperiment) learners = ExperimentFile.loadLearners(source);
        } catch (ExperimentFileException e) {
            badFile(e.getMessage());
            return false;
        } catch (RuntimeException e) {
            badFile(path + ": cannot load: " + e);
            return false;
        }
        show(experiment, learners, source, path, null);
        return true;
    }

    /**
     * Opens a saved session: the run continues where it was saved (time, weights, τ, optimizer). A file that
     * does not load leaves the current run as it is and says why.
     */
    boolean openSession(Path path) {
        SessionFile.Saved saved;
        try {
            saved = SessionFile.loadAny(path);
        } catch (ExperimentFileException e) {
            badFile(e.getMessage());
            return false;
        } catch (RuntimeException e) {
            badFile(path + ": cannot load the session: " + e);
            return false;
        }
        if (saved instanceof SessionFile.Session gle) {
            show(gle.simulation().experiment(), gle.learners(), gle.source(), gle.experimentFile(),
                    new Resumed(gle.simulations(), null));
        } else if (saved instanceof SessionFile.RnnSession rnn) {
            show(rnn.state().experiment(), null, rnn.source(), rnn.source().file(), new Resumed(null, rnn.state()));
        }
        return true;
    }

    /** Runs {@code experiment} (from {@code path}, or built in code when null), replacing the current run. */
    void show(Experiment experiment, Path path) {
        java.util.List<ExperimentFile.Learner> learners = experiment instanceof GleExperiment g
                ? java.util.List.of(new ExperimentFile.Learner(g.name(), g)) : null;
        ExperimentText source = null;
        if (path != null) {
            try {
                source = DefaultSample.read(path);
            } catch (ExperimentFileException e) {
                // Runs all the same; only sessions and the experiment written beside an export need the text.
            }
        }
        show(experiment, learners, source, path, null);
    }

    private void show(Experiment experiment, java.util.List<ExperimentFile.Learner> learners, ExperimentText source,
                      Path path, Resumed resumed) {
        Session next = new Session(experiment, learners, source, path, resumed);
        if (session != null) session.close();
        session = next;
        root.setCenter(next.centreNode());
        transport.bind(next.control);
        status.setDt(next.control.dt());
        status.setIterations(next.rnn != null);
        transport.setIterationMode(next.rnn != null);
        if (next.runner != null) parameters.show((GleExperiment) experiment, next.runner);
        if (parametersShown.get()) root.setRight(sheet());
        banner.hide();
        experimentName.setText(experiment.name());
        experimentName.setTooltip(new Tooltip(experiment.description()
                + (path == null ? "" : "\n" + path.toAbsolutePath())));
        title.set("Prospect — " + experiment.name());
        file.set(path);
        samples.select(path);
        if (started) next.start();
    }

    enum FileKind { SESSION_IN, SESSION_OUT, EXPORT, EXPORT_RUN }

    private void chooseFile(FileKind kind) {
        if (kind != FileKind.SESSION_IN && session == null) return;
        FileChooser chooser = new FileChooser();
        Path current = file.get();
        Path dir = current != null && current.toAbsolutePath().getParent() != null
                ? current.toAbsolutePath().getParent() : samplesFolder.toAbsolutePath();
        if (dir.toFile().isDirectory()) chooser.setInitialDirectory(dir.toFile());
        String stem = current == null ? "run" : current.getFileName().toString().replaceFirst("\\.json$", "");
        FileChooser.ExtensionFilter sessions = new FileChooser.ExtensionFilter("Sessions (*.session)", "*.session");
        switch (kind) {
            case SESSION_IN -> {
                chooser.setTitle("Open a saved session");
                chooser.getExtensionFilters().addAll(sessions, new FileChooser.ExtensionFilter("All files", "*"));
                java.io.File chosen = chooser.showOpenDialog(window());
                if (chosen != null) openSession(chosen.toPath());
            }
            case SESSION_OUT -> {
                chooser.setTitle("Save the session");
                chooser.getExtensionFilters().add(sessions);
                chooser.setInitialFileName(stem + ".session");
                java.io.File chosen = saveDialog.apply(chooser);
                if (chosen != null) saveSession(chosen.toPath());
            }
            case EXPORT, EXPORT_RUN -> {
                boolean whole = kind == FileKind.EXPORT_RUN;
                boolean rnn = session != null && session.rnnRunner != null;
                chooser.setTitle(rnn ? "Export the run's metrics, every iteration and rule (CSV or NPZ)"
                        : whole ? "Export the whole run, regenerated from its start (CSV or NPZ)"
                        : "Export the traces the charts hold now (CSV or NPZ)");
                chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv"),
                        new FileChooser.ExtensionFilter("NumPy (*.npz)", "*.npz"));
                chooser.setInitialFileName(stem + (rnn ? "-metrics.csv" : whole ? "-run.csv" : "-trace.csv"));
                java.io.File chosen = saveDialog.apply(chooser);
                if (chosen == null) return;
                Path out = chosen.toPath();
                String name = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                if (!name.endsWith(".csv") && !name.endsWith(".npz")) {
                    boolean npz = chooser.getSelectedExtensionFilter() != null
                            && chooser.getSelectedExtensionFilter().getDescription().startsWith("NumPy");
                    out = out.resolveSibling(out.getFileName() + (npz ? ".npz" : ".csv"));
                }
                if (whole) exportWholeRun(out);
                else exportTraces(out);
            }
        }
    }

    /**
     * Saves the current run as a session (its state taken on the run's thread, between two steps): every learner
     * of a comparison file, or an RNN run with its metrics. Errors are shown in a dialog naming the file.
     */
    java.util.concurrent.CompletableFuture<Path> saveSession(Path out) {
        Session s = session;
        if (s == null) {
            return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("nothing is running"));
        }
        var done = s.runner != null ? RunFiles.saveSession(s.runner, s.source, out)
                : RunFiles.saveSession(s.rnnRunner, s.source, out);
        done.whenComplete((p, e) -> {
            if (e != null) Platform.runLater(() -> fileError("Could not save the session", out, e));
        });
        return done;
    }

    /**
     * Exports what the charts hold now (dashboard and extra view) as CSV or NPZ, with the experiment file and
     * the edits in force beside it; off the FX thread. Errors are shown in a dialog naming the file.
     */
    java.util.concurrent.CompletableFuture<java.util.List<Path>> exportTraces(Path out) {
        Session s = session;
        if (s != null && s.rnnRunner != null) return exportRnnMetrics(s, out);
        if (s == null || s.centre == null) {
            return java.util.concurrent.CompletableFuture.failedFuture(
                    new IllegalStateException("only GLE runs export traces"));
        }
        var dashboard = s.centre.dashboard;
        var extra = s.centre.extra == null ? java.util.Map.<String, io.fair_acc.chartfx.XYChart>of() : s.centre.extra.charts();
        var settings = editsInForce(s);
        ExperimentText source = s.source;
        return inBackground("Could not export the traces", out, () -> {
            // The dashboard's lines at every step of its window; the extra view's as its charts hold them.
            var lines = new java.util.ArrayList<>(dashboard.visibleLines());
            lines.addAll(org.prospect.app.views.TraceExport.lines(extra));
            return RunFiles.exportVisible(lines, out, source, settings);
        });
    }

    /** An export's work, run off the FX thread by {@link #inBackground}. */
    private interface ExportWork {
        java.util.List<Path> run() throws java.io.IOException, ExperimentFileException;
    }

    /** Runs {@code work} off the FX thread; a failure opens a dialog naming {@code out}. */
    private java.util.concurrent.CompletableFuture<java.util.List<Path>> inBackground(String failure, Path out,
                                                                                    ExportWork work) {
        var done = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return work.run();
            } catch (java.io.IOException | ExperimentFileException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        done.whenComplete((p, e) -> {
            if (e != null) Platform.runLater(() -> fileError(failure, out, e));
        });
        return done;
    }

    /**
     * Exports an RNN run's metrics so far (one row per iteration, every rule; {@link RnnMetricsExport}) as CSV or
     * NPZ, with the experiment file and the learning rate and μ in force beside it; off the FX thread.
     */
    private java.util.concurrent.CompletableFuture<java.util.List<Path>> exportRnnMetrics(Session s, Path out) {
        var runner = s.rnnRunner;
        var history = runner.history();
        var inForce = runner.experiment();
        var settings = inForce.editsAgainst((org.prospect.engine.experiment.RnnExperiment) s.experiment);
        ExperimentText source = s.source;
        return inBackground("Could not export the run's metrics", out,
                () -> RunFiles.exportTable(RnnMetricsExport.table(history, inForce.labels()), out, source, settings));
    }

    /** The parameter sheet's edits and learning on/off, as field settings of the experiment file. */
    private org.prospect.engine.experiment.Settings editsInForce(Session s) {
        java.util.Map<String, String> edits = new java.util.LinkedHashMap<>(parameters.edits().values());
        boolean learning = s.runner.status().learning();
        if (learning != ((GleExperiment) s.experiment).learning().enabled()) edits.put("learning.enabled", String.valueOf(learning));
        return new org.prospect.engine.experiment.Settings(edits);
    }

    /**
     * Exports the whole run, not just what the charts hold: the runner's journal (origin, edits and the steps they
     * were made at) is read between two steps, and a background thread regenerates the run to the current step and
     * streams it to {@code out} in the layout of {@code run --csv/--npz}, with the experiment and the edits in force
     * beside it. A small window shows the progress and cancels; nothing is left under {@code out} when cancelled or
     * failed. The live run goes on meanwhile. Errors are shown in a dialog naming the file.
     */
    java.util.concurrent.CompletableFuture<java.util.List<Path>> exportWholeRun(Path out) {
        Session s = session;
        // An RNN run's history is its whole run: every iteration's metrics are kept.
        if (s != null && s.rnnRunner != null) return exportRnnMetrics(s, out);
        if (s == null || s.runner == null) {
            return java.util.concurrent.CompletableFuture.failedFuture(
                    new IllegalStateException("only GLE runs export traces"));
        }
        var settings = editsInForce(s);
        ExperimentText source = s.source;
        var journal = s.runner.journal();
        var done = new java.util.concurrent.CompletableFuture<java.util.List<Path>>();
        javafx.concurrent.Task<java.util.List<Path>> task = new javafx.concurrent.Task<>() {
            @Override
            protected java.util.List<Path> call() throws Exception {
                return RunFiles.exportWholeRun(journal.get(), out, source, settings,
                        new org.prospect.engine.export.WholeRunExport.Progress() {
                            @Override public void at(long step, long total) { updateProgress(step, Math.max(1, total)); }

                            @Override public boolean cancelled() { return isCancelled(); }
                        });
            }
        };
        task.setOnSucceeded(e -> done.complete(task.getValue()));
        task.setOnFailed(e -> {
            done.completeExceptionally(task.getException());
            fileError("Could not export the whole run", out, task.getException());
        });
        task.setOnCancelled(e -> done.cancel(false));
        lastExportProgress = new org.prospect.app.views.ExportProgress(window(), out, task);
        Thread worker = new Thread(task, "prospect-export");
        worker.setDaemon(true);
        worker.start();
        lastExportProgress.show();
        return done;
    }

    private void fileError(String title, Path file, Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        lastError = file.toAbsolutePath() + ": " + cause.getMessage();
        Alert alert = new Alert(Alert.AlertType.ERROR, lastError);
        alert.setTitle(title);
        alert.setHeaderText(title + "; nothing was written under " + file.getFileName() + ".");
        alert.getDialogPane().setMinWidth(640);
        if (window() != null) alert.initOwner(window());
        lastAlert = alert;
        alert.show();
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

    /** The current GLE run's runner, or null (none, or an RNN run). */
    SimulationRunner runner() { return session == null ? null : session.runner; }

    /** The current run's transport interface, whatever its model, or null. */
    RunControl control() { return session == null ? null : session.control; }

    /** The current RNN run's runner, or null. */
    RnnRunner rnnRunner() { return session == null ? null : session.rnnRunner; }

    /** The current RNN run's dashboard, or null. */
    RnnDashboard rnnDashboard() { return session == null ? null : session.rnn; }

    /** The current GLE experiment, or null (none, or an RNN run). */
    GleExperiment experiment() {
        return session != null && session.experiment instanceof GleExperiment g ? g : null;
    }

    Banner banner() { return banner; }

    ParameterSheet parameters() { return parameters; }

    /** The current run's comparison or MNIST-1D view, or null. */
    ExtraView extraView() { return session == null ? null : session.centre.extra; }

    /** The file the current run was opened from (or the session's experiment file), or null. */
    Path runFile() { return session == null ? null : session.file; }

    /** The current run's dashboard, or null. */
    Dashboard dashboard() { return session == null || session.centre == null ? null : session.centre.dashboard; }

    SampleBrowser samples() { return samples; }

    /** Whether the sample browser is shown (toolbar "Samples", Ctrl+B). */
    BooleanProperty samplesShownProperty() { return samplesShown; }

    /** Whether the parameter sheet is shown (toolbar "Parameters", Ctrl+P). */
    BooleanProperty parametersShownProperty() { return parametersShown; }

    Transport transport() { return transport; }

    /** The message of the last file that failed to open, or null. */
    String lastError() { return lastError; }

    Alert lastAlert() { return lastAlert; }

    /** The progress window of the last whole-run export, or null. */
    org.prospect.app.views.ExportProgress lastExportProgress() { return lastExportProgress; }

    /** Replaces the platform's save dialog (tests: it cannot be driven headless). */
    void setSaveDialog(java.util.function.Function<FileChooser, java.io.File> dialog) { saveDialog = dialog; }

    ExceptionDialog lastExceptionDialog() { return lastExceptionDialog; }

    @Override
    public void close() {
        frameClock.stop();
        if (session != null) session.close();
        if (lastAlert != null) lastAlert.close();
        if (lastExceptionDialog != null) lastExceptionDialog.close();
    }
}
