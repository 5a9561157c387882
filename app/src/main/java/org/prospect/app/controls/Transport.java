package org.prospect.app.controls;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.StringConverter;
import org.prospect.engine.run.Command;
import org.prospect.engine.run.RunnerStatus;
import org.prospect.engine.run.SimulationRunner;

/**
 * The toolbar that drives a run: play/pause (Space), one step (→), one time unit (Shift+→), reset (R),
 * speed and learning. It only submits commands; what the runner actually does comes back through
 * {@link #show(RunnerStatus)}.
 */
public final class Transport {
    private static final double[] SPEEDS = {0.5, 1, 2, 5, 10, 50, Command.AS_FAST_AS_POSSIBLE};
    public static final double DEFAULT_SPEED = 2;

    private final SimulationRunner runner;
    private final ToolBar bar;
    private final Button playPause = new Button("Play");
    private final CheckBox learning = new CheckBox("learning");
    private boolean shownRunning;

    public Transport(SimulationRunner runner) {
        this.runner = runner;
        playPause.setId("play-pause");
        playPause.setOnAction(e -> togglePlay());
        playPause.setTooltip(new Tooltip("Play / pause (Space)"));
        Button step = new Button("Step");
        step.setId("step");
        step.setOnAction(e -> runner.step(1));
        step.setTooltip(new Tooltip("One step dt (→)"));
        Button stepUnit = new Button("Step 1 τ");
        stepUnit.setId("step-unit");
        stepUnit.setOnAction(e -> runner.step(stepsPerTimeUnit()));
        stepUnit.setTooltip(new Tooltip("One time unit (Shift+→)"));
        Button reset = new Button("Reset");
        reset.setId("reset");
        reset.setOnAction(e -> runner.reset());
        reset.setTooltip(new Tooltip("Back to t = 0 with the initial weights (R)"));

        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("speed");
        for (double s : SPEEDS) speed.getItems().add(s);
        speed.setConverter(new StringConverter<>() {
            @Override public String toString(Double s) {
                if (s == null) return "";
                return s.isInfinite() ? "max" : (s == Math.rint(s) ? String.valueOf(s.intValue()) : s.toString()) + " τ/s";
            }

            @Override public Double fromString(String s) { return null; }
        });
        speed.setValue(DEFAULT_SPEED);
        speed.valueProperty().addListener((o, was, now) -> { if (now != null) runner.setSpeed(now); });
        speed.setTooltip(new Tooltip("Simulated time units per second"));

        learning.setId("learning");
        learning.setSelected(true);
        learning.setOnAction(e -> runner.setLearning(learning.isSelected()));

        // Keys belong to the window, not to whichever button last had focus.
        for (var control : new javafx.scene.control.Control[] {playPause, step, stepUnit, reset, speed, learning}) {
            control.setFocusTraversable(false);
        }
        bar = new ToolBar(playPause, step, stepUnit, reset, new Separator(), new Label("speed"), speed,
                new Separator(), learning);
        bar.getStyleClass().add("transport");
    }

    public ToolBar node() { return bar; }

    /** Installs the keyboard shortcuts on the whole scene (a filter, so no control swallows them). */
    public void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                togglePlay();
            } else if (e.getCode() == KeyCode.RIGHT) {
                runner.step(e.isShiftDown() ? stepsPerTimeUnit() : 1);
            } else if (e.getCode() == KeyCode.R && !e.isShortcutDown()) {
                runner.reset();
            } else {
                return;
            }
            e.consume();
        });
    }

    private long stepsPerTimeUnit() {
        return Math.max(1, Math.round(1.0 / runner.dt()));
    }

    private void togglePlay() {
        // Decide from what the runner reports, so a self-pause after a divergence is respected.
        if (runner.isRunning()) runner.pause();
        else runner.play();
    }

    /** Mirrors the runner's state; call on the FX thread. */
    public void show(RunnerStatus status) {
        if (status.running() != shownRunning) {
            shownRunning = status.running();
            playPause.setText(shownRunning ? "Pause" : "Play");
        }
        if (learning.isSelected() != status.learning()) learning.setSelected(status.learning());
    }
}
