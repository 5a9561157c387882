package org.prospect.app.controls;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.prospect.engine.run.RunnerStatus;

/** Simulated time, measured steps/s and real-time factor, frames/s, and whether the network learns. */
public final class StatusBar {
    private final StatusRow bar;
    private final Label time = label("status-time");
    private final Label rate = label("status-rate");
    private final Label frames = label("status-fps");
    private final Label learning = label("status-learning");
    private final Label state = label("status-state");
    private final Label adjoint = label("status-adjoint");
    private double dt;
    private boolean iterations;

    public StatusBar(double dt) {
        this.dt = dt;
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // What a lecturer's audience needs first: whether it runs, the simulated time, whether it learns.
        bar = new StatusRow(List.of(state, time, rate, adjoint, spacer, learning, frames),
                List.of(state, time, learning, rate, adjoint, frames));
        showAdjointCoverage(Double.NaN);
        bar.getStyleClass().add("status-bar");
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        // Numbers are never cut to "…": the spacer gives way first, then whole items (StatusRow).
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    public HBox node() { return bar; }

    /** The step of the experiment now shown (for the real-time factor). */
    public void setDt(double dt) { this.dt = dt; }

    /** Whether a step is a training iteration (an RNN run) rather than a time step dt. */
    public void setIterations(boolean on) { iterations = on; }

    /** Call on the FX thread, once per frame at most. */
    public void show(RunnerStatus status, double framesPerSecond) {
        state.setText(status.running() ? "running" : "paused");
        if (iterations) {
            time.setText(String.format(Locale.ROOT, "iteration %d", status.steps()));
            rate.setText(String.format(Locale.ROOT, "%.1f iterations/s", status.stepsPerSecond()));
            frames.setText(String.format(Locale.ROOT, "%.0f frames/s", framesPerSecond));
            learning.setText(status.learning() ? "learning on" : "learning off");
            return;
        }
        time.setText(String.format(Locale.ROOT, "t = %.2f τ   (step %d)", status.time(), status.steps()));
        rate.setText(String.format(Locale.ROOT, "%s steps/s   ×%.2f real time",
                compact(status.stepsPerSecond()), status.stepsPerSecond() * dt));
        frames.setText(String.format(Locale.ROOT, "%.0f frames/s", framesPerSecond));
        learning.setText(status.learning() ? "learning on" : "learning off");
    }

    /**
     * The share of the exact adjoint's windows computed lately: shown only when some were skipped (the λ/ε
     * worker yields the CPU to the simulation and the drawing, so at speed max the black ε line has gaps and
     * this says why); NaN when no window completed lately.
     */
    public void showAdjointCoverage(double share) {
        boolean partial = share < 0.995; // false for NaN
        bar.want(adjoint, partial);
        if (partial) adjoint.setText(String.format(Locale.ROOT, "exact ε for %.0f %% of windows", 100 * share));
    }

    private static String compact(double v) {
        if (v >= 1e6) return String.format(Locale.ROOT, "%.2f M", v / 1e6);
        if (v >= 1e4) return String.format(Locale.ROOT, "%.1f k", v / 1e3);
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
