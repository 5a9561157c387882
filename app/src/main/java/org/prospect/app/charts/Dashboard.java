package org.prospect.app.charts;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.prospect.app.network.NetworkView;
import org.prospect.app.network.SelectionModel;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.gle.NetworkSpec;
import org.prospect.engine.run.SimulationRunner;
import org.prospect.engine.task.TargetSpec;
import org.prospect.engine.trace.DashboardProbe;
import org.prospect.engine.trace.DashboardProbe.SlotQuantity;
import org.prospect.engine.trace.NeuronId;

/**
 * The live dashboard: the network view (with the rolling-window and colour controls) beside six charts
 * — signals; soma and dendrites; phase advance; GLE errors vs the exact BPTT error; weights and τ_m; loss
 * and gradient alignment — all over a rolling window of 1–1000 time units. Data path: the runner's
 * {@link DashboardProbe} (engine, simulation thread, decimated) → its traces → {@link DashboardFeeder}
 * (own thread, bulk adds) → ChartFX data sets; the FX thread only sets axis ranges and repaints the
 * network canvas, at most ~30 times a second.
 */
public final class Dashboard implements AutoCloseable {
    public static final double DEFAULT_WINDOW = 20;
    public static final double MIN_WINDOW = 1;
    public static final double MAX_WINDOW = 1000;
    /**
     * Trace rows per rolling window: every step while a window holds fewer (20 τ at dt = 0.01 is 2000 steps). The
     * feeder reduces each line to two points per pixel column, so what is drawn per frame does not grow with it.
     */
    public static final int POINTS_PER_WINDOW = 20_000;
    /** Rows the probe's trace keeps for the feeder: at a row every step, about 0.1 s of the fastest runs. */
    static final int TRACE_CAPACITY = 32_768;
    /**
     * The exact adjoint (exact error, λ) is shown in pieces of this many time units, each from BPTT over twice as long (so every value has
     * at least this much future behind it); the gradient alignment is per BPTT window.
     */
    public static final double ADJOINT_WINDOW = 3;
    private static final long FRAME_NANOS = 16_000_000;

    private final DashboardProbe probe;
    private final SelectionModel selection;
    private final NetworkView networkView;
    private final DashboardFeeder feeder;
    private final TimeChart signals;
    private final TimeChart potentials;
    private final TimeChart phase;
    private final TimeChart errors;
    private final TimeChart weights;
    private final TimeChart loss;
    private final List<TimeChart> charts;
    private final boolean hasTeacher;
    private final Slider windowSlider;
    private final Label windowLabel = new Label();
    private final VBox root;
    private final DashboardGrid grid;
    private final AnimationTimer frames;
    private double window = DEFAULT_WINDOW;

    /** Builds the dashboard and attaches its probe to the runner, which must not have started yet. */
    public Dashboard(SimulationRunner runner) {
        this(runner.experiment());
        runner.addObserver(probe);
    }

    /**
     * Builds a dashboard for {@code e} whose probe is attached to nothing yet: whoever steps a simulation calls
     * the probe's hooks and {@link #feedNow()} / {@link #showFrame()} itself (recording, off the FX thread).
     */
    public Dashboard(GleExperiment e) {
        NetworkSpec spec = e.network();
        hasTeacher = e.target() instanceof TargetSpec.Teacher;
        probe = probe(spec, DEFAULT_WINDOW);
        selection = new SelectionModel(probe.selected(), DashboardProbe.SLOTS);

        String span = fmt(2 * ADJOINT_WINDOW);
        signals = new TimeChart("signal-chart", "Input, target, output",
                "Input, target and output of the network (arbitrary units) against simulated time t in units of τ",
                "signal", TimeChart.Scale.LINEAR, null, null);
        for (int i = 0; i < probe.inputsShown(); i++) {
            signals.addLine(line(name("input x", i, probe.inputsShown()), Palette.INPUT, i, probe.inputChannel(i), 0));
        }
        for (int i = 0; i < probe.outputsShown(); i++) {
            signals.addLine(line(name("target", i, probe.outputsShown()), Palette.TARGET, i, probe.targetChannel(i), 0));
        }
        for (int i = 0; i < probe.outputsShown(); i++) {
            signals.addLine(line(name("output r", i, probe.outputsShown()), Palette.RATE, i, probe.outputChannel(i), 0));
        }
        potentials = new TimeChart("potentials-chart", "Soma, dendrites",
                "Soma and dendrites of the followed neurons: somatic potential u, basal input W r + b and apical "
                        + "potential γ ĕ (arbitrary units)",
                "potential", TimeChart.Scale.LINEAR, null, null);
        phase = new TimeChart("phase-chart", "Phase advance",
                "Phase advance: the prospective rate φ(ŭ) leads the instantaneous rate φ(u)"
                        + (hasTeacher ? "; the teacher's rate for comparison" : ""),
                "rate", TimeChart.Scale.LINEAR, null, null);
        errors = new TimeChart("errors-chart", "Errors vs exact adjoint",
                "Errors: GLE's prospective error ĕ and instantaneous error e_in against the exact error "
                        + "ε = −β·∂L/∂s/dt from BPTT, in ĕ's units (s = W r + b, so ∂L/∂W = Σ ∂L/∂s ⊗ r: ĕ estimates ε; "
                        + "GLE.md's λ = ∂L/∂u is 0 for τ_r = τ_m neurons, see the network view), computed over "
                        + "sliding windows of " + span + " τ and drawn " + fmt(ADJOINT_WINDOW) + "–" + span + " τ late",
                "ĕ, e_in, ε", TimeChart.Scale.SYMMETRIC, null, null);
        weights = new TimeChart("weights-chart", "Weights, τ_m",
                "Weights and membrane time constants: ‖W‖ per layer and τ_m (left axis, τ units); "
                        + "‖ΔW‖ per step (right axis, log scale)",
                "‖W‖, τ_m", TimeChart.Scale.LINEAR, "‖ΔW‖/step", TimeChart.Scale.LOG);
        for (int l = 0; l < spec.layerCount(); l++) {
            weights.addLine(line("‖W" + l + "‖", Palette.WEIGHT_NORM, l, probe.weightNormChannel(l), 0));
        }
        List<NeuronId> taus = probe.tauNeurons();
        for (int k = 0; k < taus.size(); k++) {
            weights.addLine(line("τ_m " + taus.get(k).label(), Palette.TAU_M, k, probe.tauChannel(k), 0));
        }
        for (int l = 0; l < spec.layerCount(); l++) {
            weights.addLine(line("‖ΔW" + l + "‖", Palette.WEIGHT_CHANGE, l, probe.weightChangeChannel(l), 1));
        }
        loss = new TimeChart("loss-chart", "Loss, alignment",
                "Loss (batch mean, log scale, left axis) and the alignment cos(ΔW_GLE, −∂L/∂W) of GLE's weight "
                        + "updates with BPTT's gradient, per " + span + " τ BPTT window (right axis)",
                "loss", TimeChart.Scale.LOG, "cos(ΔW, −∇L)", TimeChart.Scale.COSINE);
        loss.addLine(line("loss", Palette.LOSS, 0, probe.lossChannel(), 0));
        loss.addLine(line("cos(ΔW, −∇L)", Palette.ALIGNMENT, 0, probe.alignmentChannel(), 1));
        charts = List.of(signals, potentials, phase, errors, weights, loss);
        showSelection(selection.selected());
        selection.addListener(this::selectionChanged);

        feeder = new DashboardFeeder(probe, charts, DEFAULT_WINDOW);
        networkView = new NetworkView(spec, probe.snapshots(), selection);

        // Controls: rolling window (log scale 1…1000 τ) and what the discs show.
        windowSlider = new Slider(Math.log10(MIN_WINDOW), Math.log10(MAX_WINDOW), Math.log10(DEFAULT_WINDOW));
        windowSlider.setId("window-slider");
        windowSlider.setTooltip(new Tooltip("Rolling window of the charts, 1–1000 time units (every step drawn up to "
                + POINTS_PER_WINDOW + " steps per window)"));
        windowSlider.valueProperty().addListener((o, a, v) -> setWindow(Math.round(Math.pow(10, v.doubleValue()))));
        HBox.setHgrow(windowSlider, Priority.ALWAYS);
        windowLabel.setId("window-label");
        windowLabel.setMinWidth(64);
        Label windowTitle = new Label("window");
        HBox windowRow = new HBox(8, windowTitle, windowSlider, windowLabel);
        windowRow.setAlignment(Pos.CENTER_LEFT);
        ComboBox<NetworkView.ColourBy> colourBy = new ComboBox<>();
        colourBy.setId("colour-by");
        colourBy.getItems().setAll(NetworkView.ColourBy.values());
        colourBy.setValue(NetworkView.ColourBy.U);
        colourBy.valueProperty().addListener((o, a, v) -> networkView.setColourBy(v));
        colourBy.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(colourBy, Priority.ALWAYS);
        Label colourTitle = new Label("colour");
        colourTitle.setMinWidth(Region.USE_PREF_SIZE);
        windowTitle.setMinWidth(Region.USE_PREF_SIZE);
        HBox colourRow = new HBox(8, colourTitle, colourBy);
        colourRow.setAlignment(Pos.CENTER_LEFT);
        colourBy.setMinWidth(0);
        Label hint = new Label("click: follow · Ctrl+click: add");
        hint.getStyleClass().add("dashboard-hint");
        hint.setWrapText(true);
        hint.setTooltip(new Tooltip("Click a neuron to follow it in the charts; Ctrl+click adds it (up to "
                + DashboardProbe.SLOTS + ")"));
        VBox side = new VBox(6, windowRow, colourRow, hint, networkView.node());
        side.getStyleClass().add("dashboard-controls");
        VBox.setVgrow(networkView.node(), Priority.ALWAYS);
        networkView.node().setMinSize(0, 0);
        side.setMinWidth(0);

        List<Region> cells = new ArrayList<>();
        for (TimeChart c : charts) {
            c.node().setMinSize(0, 0);
            cells.add(c.node());
        }
        grid = new DashboardGrid(side, cells);
        RootStyle.watch(grid, (dark, lecture) -> networkView.setDark(dark));
        root = new VBox(grid);
        VBox.setVgrow(grid, Priority.ALWAYS);
        root.getStyleClass().add("dashboard");
        root.setId("dashboard");
        URL css = Dashboard.class.getResource("/org/prospect/app/assets/dashboard.css");
        if (css != null) root.getStylesheets().add(css.toExternalForm());
        setWindow(DEFAULT_WINDOW);

        frames = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                // Every pulse lets the feeder drain once more: at most one drain per pulse, never a backlog.
                feeder.frameShown();
                if (now - last < FRAME_NANOS) return;
                last = now;
                frame();
            }
        };
    }

    private static int rowsPerTimeUnit(double window) {
        return (int) Math.max(1, Math.round(POINTS_PER_WINDOW / window));
    }

    /** The probe a dashboard attaches for a rolling window of this many time units (also what benchmarks run). */
    public static DashboardProbe probe(NetworkSpec spec, double window) {
        return new DashboardProbe(spec, ADJOINT_WINDOW, rowsPerTimeUnit(window), TRACE_CAPACITY);
    }

    private static TimeChart.Line line(String name, String colour, int dash, int channel, int axis) {
        return new TimeChart.Line(name, colour, dash, TimeChart.Source.MAIN, channel, axis);
    }

    private static String name(String base, int i, int count) {
        return count == 1 ? base : base + i;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2g", v);
    }

    private void selectionChanged(List<NeuronId> neurons) {
        showSelection(neurons);
    }

    /** Tells the probe and rebuilds the lines of charts 2–4 for these neurons (FX thread). */
    private void showSelection(List<NeuronId> neurons) {
        probe.select(neurons);
        long generation = probe.selectionGeneration();
        String span = fmt(2 * ADJOINT_WINDOW);
        List<TimeChart.Line> pot = new ArrayList<>();
        List<TimeChart.Line> ph = new ArrayList<>();
        List<TimeChart.Line> err = new ArrayList<>();
        for (int s = 0; s < neurons.size(); s++) {
            String n = neurons.get(s).label();
            pot.add(line("u " + n, Palette.SOMATIC, s, probe.slotChannel(s, SlotQuantity.SOMATIC_POTENTIAL), 0));
            pot.add(line("W r + b " + n, Palette.BASAL, s, probe.slotChannel(s, SlotQuantity.BASAL_POTENTIAL), 0));
            pot.add(line("γ ĕ " + n, Palette.APICAL, s, probe.slotChannel(s, SlotQuantity.APICAL_POTENTIAL), 0));
            ph.add(line("φ(ŭ) " + n, Palette.RATE, s, probe.slotChannel(s, SlotQuantity.RATE), 0));
            ph.add(line("φ(u) " + n, Palette.RATE_OF_U, s, probe.slotChannel(s, SlotQuantity.INSTANTANEOUS_RATE), 0));
            if (hasTeacher) {
                ph.add(line("teacher " + n, Palette.TARGET, s, probe.slotChannel(s, SlotQuantity.TEACHER_RATE), 0));
            }
            err.add(line("ĕ " + n, Palette.PROSPECTIVE_ERROR, s, probe.slotChannel(s, SlotQuantity.PROSPECTIVE_ERROR), 0));
            err.add(line("e_in " + n, Palette.INSTANTANEOUS_ERROR, s,
                    probe.slotChannel(s, SlotQuantity.INSTANTANEOUS_ERROR), 0));
            // Same axis as ĕ: both are errors in the same units, so their sizes compare directly.
            err.add(new TimeChart.Line("ε " + n,
                    Palette.EXACT_ERROR, s, TimeChart.Source.LAMBDA, probe.exactErrorChannel(s), 0));
        }
        potentials.setSelectionLines(pot, generation);
        phase.setSelectionLines(ph, generation);
        errors.setSelectionLines(err, generation);
    }

    /** The rolling window in time units, 1–1000 (FX thread). */
    public void setWindow(double timeUnits) {
        window = Math.max(MIN_WINDOW, Math.min(MAX_WINDOW, timeUnits));
        probe.setRowsPerTimeUnit(rowsPerTimeUnit(window));
        feeder.setWindow(window);
        windowLabel.setText(fmt(window) + " τ");
        double position = Math.log10(window);
        if (Math.abs(windowSlider.getValue() - position) > 1e-3 && Math.round(Math.pow(10, windowSlider.getValue())) != window) {
            windowSlider.setValue(position);
        }
        if (feeder != null) frame();
    }

    public double window() { return window; }

    /**
     * Every line of the six charts at every step of the rolling window the feeder has taken (any thread): for
     * exports, where the charts draw each line reduced to two points per pixel column.
     */
    public List<ExportedLine> visibleLines() {
        double to = feeder.latestTime();
        return feeder.lines(to - window, to);
    }

    /** One display frame: axes follow the run, the network is repainted. */
    void frame() {
        double latest = feeder.latestTime();
        for (TimeChart c : charts) c.follow(latest, window);
        networkView.redraw();
    }

    /**
     * Drains the probe's traces into the charts now, on the calling thread (never the FX thread), for a
     * dashboard whose feeder thread was not started.
     */
    public void feedNow() {
        if (javafx.application.Platform.isFxApplicationThread()) {
            throw new IllegalStateException("chart data sets are filled off the FX thread");
        }
        feeder.feed();
    }

    /** FX thread: one display frame now (axes follow the newest data, the network view is repainted). */
    public void showFrame() { frame(); }

    /** The stylesheet the dashboard's root carries (charts shown on their own need it too). */
    public static String stylesheet() {
        URL css = Dashboard.class.getResource("/org/prospect/app/assets/dashboard.css");
        return css == null ? null : css.toExternalForm();
    }

    public void start() {
        feeder.start();
        frames.start();
    }

    public Parent node() { return root; }

    public SelectionModel selection() { return selection; }

    public NetworkView networkView() { return networkView; }

    public DashboardProbe probe() { return probe; }

    public DashboardFeeder feeder() { return feeder; }

    public List<TimeChart> charts() { return charts; }

    /** Charts per row as last laid out: 3 (3×2) when wide, 2 (2×3) narrower, 1 when very narrow. */
    public int columns() { return grid.columnsProperty().get(); }

    public Slider windowSlider() { return windowSlider; }

    DashboardGrid grid() { return grid; }

    @Override
    public void close() {
        frames.stop();
        feeder.close();
        probe.close();
    }
}
