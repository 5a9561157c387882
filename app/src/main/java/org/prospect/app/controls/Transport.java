package org.prospect.app.controls;

import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.prospect.engine.run.Command;
import org.prospect.engine.run.RunControl;
import org.prospect.engine.run.RunnerStatus;

/**
 * The toolbar that drives a run: play/pause (Space), one step (→), one time unit (Shift+→), reset (R),
 * speed (− slower, + faster) and learning. It only submits commands; what the runner actually does comes
 * back through {@link #show(RunnerStatus)}. When another experiment is opened, {@link #bind} points it at
 * the new runner, keeping the chosen speed.
 */
public final class Transport {
    /** Simulated time units per wall-clock second, from slow motion up to "as fast as possible". */
    public static final double[] SPEEDS = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000,
            Command.AS_FAST_AS_POSSIBLE};
    public static final double DEFAULT_SPEED = 2;

    private RunControl runner;
    private final ToolBar bar;
    private final Button playPause = new Button("Play");
    private final CheckBox learning = new CheckBox("learning");
    private final ComboBox<Double> speed = new ComboBox<>();
    private boolean shownRunning;
    private final Button step;
    private final Button stepUnit;
    private final Label speedLabel;
    private final Separator speedSeparator = new Separator();

    public Transport() {
        playPause.setId("play-pause");
        playPause.setOnAction(e -> togglePlay());
        playPause.setTooltip(tip("Play / pause   (Space)"));
        step = new Button("Step");
        step.setId("step");
        step.setOnAction(e -> { if (runner != null) runner.step(1); });
        step.setTooltip(tip("Pause and advance one step dt   (→)"));
        stepUnit = new Button("Step 1 τ");
        stepUnit.setId("step-unit");
        stepUnit.setOnAction(e -> { if (runner != null) runner.step(stepsPerTimeUnit()); });
        stepUnit.setTooltip(tip("Pause and advance one time unit   (Shift+→)"));
        Button reset = new Button("Reset");
        reset.setId("reset");
        reset.setOnAction(e -> { if (runner != null) runner.reset(); });
        reset.setTooltip(tip("Back to t = 0 with the initial weights   (R)"));

        speed.setId("speed");
        for (double s : SPEEDS) speed.getItems().add(s);
        speed.setVisibleRowCount(SPEEDS.length);
        speed.setConverter(new StringConverter<>() {
            @Override public String toString(Double s) { return s == null ? "" : speedText(s); }

            @Override public Double fromString(String s) { return null; }
        });
        speed.setValue(DEFAULT_SPEED);
        speed.valueProperty().addListener((o, was, now) -> {
            if (now != null && runner != null) runner.setSpeed(now);
        });
        speed.setTooltip(tip("Simulated time per wall-clock second: 0.01 τ/s (slow motion) up to max "
                + "(as fast as the machine goes)   (− slower, + faster)"));

        learning.setId("learning");
        learning.setSelected(true);
        learning.setOnAction(e -> { if (runner != null) runner.setLearning(learning.isSelected()); });
        learning.setTooltip(tip("Plasticity on or off"));

        // Keys belong to the window, not to whichever button last had focus.
        speedLabel = new Label("speed");
        for (Control control : new Control[] {playPause, step, stepUnit, reset, speed, learning, speedLabel}) {
            control.setFocusTraversable(false);
            // Never "S…": what does not fit goes to the toolbar's overflow menu instead.
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar = new ToolBar(playPause, step, stepUnit, reset, speedSeparator, speedLabel, speed,
                new Separator(), learning);
        bar.getStyleClass().add("transport");
    }

    /**
     * Iterations (RNN training) instead of simulated time: "Step" runs one training iteration, and the controls
     * for time units and speed, which an iteration-driven run ignores, are hidden.
     */
    public void setIterationMode(boolean iterations) {
        for (Control c : new Control[] {stepUnit, speedLabel, speed, speedSeparator}) {
            c.setVisible(!iterations);
            c.setManaged(!iterations);
        }
        step.setTooltip(tip(iterations ? "Pause and run one training iteration   (→)"
                : "Pause and advance one step dt   (→)"));
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(300));
        return t;
    }

    public static String speedText(double s) {
        if (Double.isInfinite(s)) return "max";
        String n = s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%s", s);
        return n + " τ/s";
    }

    public ToolBar node() { return bar; }

    /** Drive {@code r} from now on, at the speed currently chosen. */
    public void bind(RunControl r) {
        this.runner = r;
        shownRunning = false;
        playPause.setText("Play");
        r.setSpeed(speed());
    }

    public double speed() {
        Double s = speed.getValue();
        return s == null ? DEFAULT_SPEED : s;
    }

    public void setSpeed(double s) { speed.setValue(s); }

    /** One stop slower ({@code -1}) or faster ({@code +1}). */
    public void nudgeSpeed(int direction) {
        int i = speed.getItems().indexOf(speed.getValue());
        if (i < 0) i = speed.getItems().indexOf(DEFAULT_SPEED);
        int next = Math.max(0, Math.min(speed.getItems().size() - 1, i + direction));
        speed.setValue(speed.getItems().get(next));
    }

    /**
     * Installs the keyboard shortcuts on the whole scene (a filter, so no button swallows them), except while
     * a text field has the focus: there Space, → and R are typing.
     */
    public void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (runner == null || scene.getFocusOwner() instanceof TextInputControl) return;
            if (e.isShortcutDown() || e.isAltDown()) return;
            KeyCode k = e.getCode();
            if (k == KeyCode.SPACE) {
                togglePlay();
            } else if (k == KeyCode.RIGHT) {
                runner.step(e.isShiftDown() ? stepsPerTimeUnit() : 1);
            } else if (k == KeyCode.R) {
                runner.reset();
            } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
                nudgeSpeed(-1);
            } else if (k == KeyCode.PLUS || k == KeyCode.EQUALS || k == KeyCode.ADD) {
                nudgeSpeed(+1);
            } else {
                return;
            }
            e.consume();
        });
    }

    private long stepsPerTimeUnit() {
        return Math.max(1, Math.round(1.0 / runner.dt()));
    }

    public void togglePlay() {
        // Decide from what the runner reports, so a self-pause after a divergence is respected.
        if (runner == null) return;
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
