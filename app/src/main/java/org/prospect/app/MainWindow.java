package org.prospect.app;

import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.prospect.app.charts.SignalChart;
import org.prospect.app.charts.TraceFeeder;
import org.prospect.app.controls.Banner;
import org.prospect.app.controls.StatusBar;
import org.prospect.app.controls.Transport;
import org.prospect.app.record.RecordActions;
import org.prospect.app.record.RecordableViews;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.run.Halt;
import org.prospect.engine.run.RunnerStatus;
import org.prospect.engine.run.SimulationRunner;

/**
 * The main window's content for one experiment: transport on top, the signal chart, a status bar. Wires
 * the one data path: runner thread → trace → feeder thread → chart data sets; the FX thread only paints
 * and reads status snapshots.
 */
final class MainWindow implements AutoCloseable {
    /** Length of the chart's rolling window, in simulated time units. */
    static final int WINDOW_TIME_UNITS = 20;
    /** Trace resolution: with dt = 0.01 every step is drawn, finer steps are decimated. */
    static final int ROWS_PER_TIME_UNIT = 100;
    private static final long STATUS_PERIOD_NANOS = 100_000_000;

    private final SimulationRunner runner;
    private final SignalChart chart;
    private final TraceFeeder feeder;
    private final Transport transport;
    private final StatusBar status;
    private final Banner banner = new Banner();
    private final BorderPane root = new BorderPane();
    private final AnimationTimer frameClock;

    MainWindow(GleExperiment experiment) {
        int windowRows = WINDOW_TIME_UNITS * ROWS_PER_TIME_UNIT;
        runner = new SimulationRunner(experiment, ROWS_PER_TIME_UNIT, windowRows, this::halted);
        chart = new SignalChart(runner.probe(), windowRows);
        feeder = new TraceFeeder(runner.trace(), chart);
        transport = new Transport(runner);
        status = new StatusBar(runner.dt());
        root.setTop(new VBox(transport.node(), banner.node()));
        RecordActions.install(transport.node(), runner, Map.of(RecordableViews.DASHBOARD, chart.node()));
        root.setCenter(chart.node());
        root.setBottom(status.node());
        root.getStyleClass().add("main-window");
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
                if (now - lastShown >= STATUS_PERIOD_NANOS) {
                    lastShown = now;
                    RunnerStatus s = runner.status();
                    transport.show(s);
                    status.show(s, framesPerSecond);
                }
            }
        };
    }

    /** Called on the simulation thread when the run pauses itself. */
    private void halted(Halt halt) {
        Platform.runLater(() -> banner.show("Paused — " + halt.message()));
    }

    /** A scene with the stylesheet and the keyboard shortcuts. */
    Scene createScene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        Styles.apply(scene);
        transport.installKeys(scene);
        return scene;
    }

    /** Starts the threads and plays at the default speed. */
    void start() {
        runner.setSpeed(Transport.DEFAULT_SPEED);
        runner.start();
        feeder.start();
        frameClock.start();
        runner.play();
    }

    Parent root() { return root; }

    SimulationRunner runner() { return runner; }

    Banner banner() { return banner; }

    @Override
    public void close() {
        frameClock.stop();
        feeder.close();
        runner.close();
    }
}
