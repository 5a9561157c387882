package org.prospect.app.rnn;

import io.fair_acc.dataset.spi.DoubleDataSet;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.prospect.app.charts.HiddenLegend;
import org.prospect.app.charts.Palette;
import org.prospect.engine.experiment.RnnExperiment;
import org.prospect.engine.rnn.RnnSpec;
import org.prospect.engine.run.RnnHistory;
import org.prospect.engine.run.RnnRunner;
import org.prospect.engine.run.RnnSnapshot;
import org.prospect.engine.trace.TripleBuffer;

/**
 * The live view of a delayed-XOR RNN run: the rules' learning curves (validation accuracy and loss) and their
 * gradient alignment with BPTT side by side; one trial replayed with the shown rule's weights (cues and readout,
 * every unit's rate as a heat map sorted by cell type, the credit each cell type broadcasts); ModProp's filter
 * taps F_k(b,a); and W, W_ab and W's change as heat maps. Each rule has one colour in every chart.
 *
 * <p>Data path: the {@link RnnRunner}'s history and replay snapshots → a feeder thread (about ten times a second)
 * that fills the chart data sets (never from the FX thread, like the GLE dashboard) and prepares the heat maps'
 * pixels → the FX thread paints those and updates a few labels.
 */
public final class RnnDashboard implements AutoCloseable {
    private static final long FEED_MILLIS = 100;
    private static final long FRAME_NANOS = 100_000_000;
    private static final String[] PATTERNS = {"cues 0 0 → match", "cues 0 1 → no match", "cues 1 0 → no match",
            "cues 1 1 → match"};

    private final RnnRunner runner;
    private final RnnExperiment experiment;
    private final int rules;
    private final Plot accuracy;
    private final Plot loss;
    private final Plot alignment;
    private final Plot trial;
    private final Plot credit;
    private final Plot taps;
    private final List<Plot> plots;
    private final HeatMap activity;
    private final HeatMap w;
    private final HeatMap wAb;
    private final HeatMap dw;
    private final ComboBox<String> ruleChoice = new ComboBox<>();
    private final ComboBox<String> patternChoice = new ComboBox<>();
    private final List<Label> ruleSummaries = new ArrayList<>();
    private final Label iterationLabel = new Label();
    private final VBox root;
    private final AnimationTimer frames;
    private final Thread feeder;
    private final TripleBuffer<Frame> pixels;
    private volatile boolean closed;
    private volatile long feeds;
    private long shownSerial = -1;

    /** The heat maps' pixels and what their captions say, prepared by the feeder. */
    private static final class Frame {
        final int[] activity;
        final int[] w;
        final int[] wAb;
        final int[] dw;
        double rateMax;
        double wMax;
        double dwMax;
        int iteration;
        int rule;
        int pattern;
        long serial = -1;

        Frame(int steps, int units, int types) {
            activity = new int[steps * (units + types - 1)];
            w = new int[units * units];
            wAb = new int[units * units];
            dw = new int[units * units];
        }
    }

    /** Builds the dashboard on the runner, which may already run. */
    public RnnDashboard(RnnRunner runner) {
        this.runner = runner;
        experiment = runner.experiment();
        rules = experiment.rules().size();
        RnnSpec spec = experiment.network();
        int steps = experiment.task().steps();
        int n = spec.units();
        int types = spec.cellTypes();

        // All three range automatically: with a fixed y range ChartFX 11.3 does not re-lay the x axis out as its
        // tick labels widen, and draws the axis name over them (seen in screenshots).
        accuracy = new Plot("rnn-accuracy-chart", "Validation accuracy", "iteration", "accuracy (%)", Double.NaN, Double.NaN);
        loss = new Plot("rnn-loss-chart", "Validation loss", "iteration", "cross-entropy", Double.NaN, Double.NaN);
        alignment = new Plot("rnn-alignment-chart", "Alignment with BPTT", "iteration",
                "cosine", Double.NaN, Double.NaN);
        for (int k = 0; k < rules; k++) {
            String label = experiment.rules().get(k).label();
            String colour = RuleColours.of(experiment, k);
            int dash = RuleColours.dash(experiment, k);
            accuracy.line(label, colour, dash);
            loss.line(label, colour, dash);
            alignment.line(label, colour, dash);
        }
        trial = new Plot("rnn-trial-chart", "Trial: cues and readout", "step", "value",
                Double.NaN, Double.NaN);
        trial.line("cue x1", Palette.INPUT, 0);
        trial.line("cue x2", Palette.INPUT, 1);
        trial.line("P(match)", RuleColours.of(experiment, runner.shownRule()), 0);
        credit = new Plot("rnn-credit-chart", "Credit per cell type", "step", "Σ δ",
                Double.NaN, Double.NaN);
        taps = new Plot("rnn-taps-chart", "Filter taps F_k(b,a)", "k (steps back)", "F_k",
                Double.NaN, Double.NaN);
        for (int b = 0; b < types; b++) {
            credit.line(typeName(spec, b), RuleColours.type(b), 0);
        }
        for (int b = 0; b < types; b++) {
            for (int a = 0; a < types; a++) {
                taps.line(typeName(spec, b) + "→" + typeName(spec, a), RuleColours.type(b), a);
            }
        }
        plots = List.of(accuracy, loss, alignment, trial, credit, taps);
        // The header names every rule in its colour: one legend for the three learning charts is enough.
        HiddenLegend.hide(loss.node());
        HiddenLegend.hide(alignment.node());
        Tooltip.install(alignment.node(), new Tooltip("cos(∂E/∂W of the rule, ∂E/∂W of BPTT) on the same batch and weights"));
        Tooltip.install(credit.node(), new Tooltip("Σ over the units j of cell type b of the shown rule's δ_j(t) = ∂E/∂s_j(t)"));
        Tooltip.install(taps.node(), new Tooltip("ModProp's filter: weight of the presynaptic trace k steps back in the "
                + "type-b signal reaching a type-a cell, for the shown rule's W_ab"));
        activity = new HeatMap("rnn-activity", "Activity by cell type", steps, n + types - 1);
        w = new HeatMap("rnn-w", "W", n, n);
        wAb = new HeatMap("rnn-wab", "W_ab", n, n);
        dw = new HeatMap("rnn-dw", "ΔW", n, n);
        pixels = new TripleBuffer<>(() -> new Frame(steps, n, types));

        // Controls: which rule and which trial the replay shows; every rule's latest numbers in its colour.
        for (int k = 0; k < rules; k++) ruleChoice.getItems().add(experiment.rules().get(k).label());
        ruleChoice.getSelectionModel().select(runner.shownRule());
        ruleChoice.setId("rnn-rule");
        ruleChoice.setTooltip(new Tooltip("The rule whose weights the trial, credit, taps and weights show"));
        patternChoice.getItems().addAll(PATTERNS);
        patternChoice.getSelectionModel().select(runner.shownPattern());
        patternChoice.setId("rnn-pattern");
        patternChoice.setTooltip(new Tooltip("The replayed trial's cue bits"));
        ruleChoice.valueProperty().addListener((o, a, v) -> showChanged());
        patternChoice.valueProperty().addListener((o, a, v) -> showChanged());
        ruleChoice.setMinWidth(Region.USE_PREF_SIZE);
        patternChoice.setMinWidth(Region.USE_PREF_SIZE);
        Label showLabel = new Label("show");
        showLabel.setMinWidth(Region.USE_PREF_SIZE);
        iterationLabel.setId("rnn-iteration");
        iterationLabel.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane header = new javafx.scene.layout.FlowPane(12, 4, showLabel, ruleChoice,
                patternChoice);
        header.setMinWidth(0);
        for (int k = 0; k < rules; k++) {
            Label l = new Label();
            l.setStyle("-fx-text-fill: " + RuleColours.of(experiment, k) + "; -fx-font-weight: bold;");
            l.setMinWidth(Region.USE_PREF_SIZE);
            ruleSummaries.add(l);
            header.getChildren().add(l);
        }
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPrefWrapLength(600);
        header.getStyleClass().add("rnn-header");

        HBox weights = new HBox(8, w.node(), wAb.node(), dw.node());
        weights.setId("rnn-weights");
        for (HeatMap m : List.of(w, wAb, dw)) HBox.setHgrow(m.node(), Priority.ALWAYS);
        weights.setMinSize(0, 0);

        RnnGrid grid = new RnnGrid(List.of(accuracy.node(), loss.node(), alignment.node(), trial.node(), activity.node(),
                credit.node(), taps.node()), weights);
        // The rows scroll when the window is too low for them (RnnGrid); the rest of the time the grid fills it.
        ScrollPane scroller = new ScrollPane(grid);
        scroller.setId("rnn-scroll");
        scroller.getStyleClass().add("view-scroll");
        scroller.setFitToWidth(true);
        scroller.setFitToHeight(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.setMinSize(0, 0);
        root = new VBox(4, header, scroller);
        root.setMinSize(0, 0);
        VBox.setVgrow(scroller, Priority.ALWAYS);
        root.getStyleClass().addAll("dashboard", "rnn-dashboard");
        root.setId("rnn-dashboard");
        URL css = RnnDashboard.class.getResource("/org/prospect/app/assets/dashboard.css");
        if (css != null) root.getStylesheets().add(css.toExternalForm());

        feeder = new Thread(this::feedLoop, "prospect-rnn-feeder");
        feeder.setDaemon(true);
        frames = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (now - last < FRAME_NANOS) return;
                last = now;
                frame();
            }
        };
    }

    private static String typeName(RnnSpec spec, int t) {
        int eTypes = spec.excitatoryTypes();
        boolean e = t < eTypes;
        int count = e ? eTypes : spec.cellTypes() - eTypes;
        String base = e ? "E" : "I";
        return count == 1 ? base : base + (e ? t : t - eTypes);
    }

    private void showChanged() {
        int r = ruleChoice.getSelectionModel().getSelectedIndex();
        int p = patternChoice.getSelectionModel().getSelectedIndex();
        if (r >= 0 && p >= 0) runner.show(r, p);
    }

    public Parent node() { return root; }

    public void start() {
        feeder.start();
        frames.start();
    }

    /** The six charts' titles, in layout order (FX thread). */
    public List<String> chartTitles() {
        List<String> out = new ArrayList<>();
        for (Plot p : plots) out.add(p.node().getTitle());
        return out;
    }

    /** Feeds done so far (any thread), for tests that wait for data. */
    public long feeds() { return feeds; }

    // ---- feeder thread --------------------------------------------------------------------------------

    private RnnHistory fed;
    private int fedRows;
    private int shownRuleColour = -1;

    private void feedLoop() {
        while (!closed) {
            try {
                feed();
            } catch (RuntimeException e) {
                e.printStackTrace(); // a drawing hiccup must not stop the charts for good
            }
            feeds++;
            try {
                Thread.sleep(FEED_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One pass: new history rows into the learning curves, a new replay into the trial charts and heat maps. */
    void feed() {
        RnnHistory h = runner.history();
        if (h != fed) {
            fed = h;
            fedRows = 0;
            for (Plot p : List.of(accuracy, loss, alignment)) for (DoubleDataSet d : p.lines()) d.clearData();
        }
        int rows = h.rows();
        if (rows > fedRows) {
            for (int k = 0; k < rules; k++) {
                addColumn(accuracy.lines().get(k), h, k, RnnHistory.VALIDATION_ACCURACY, 100, fedRows, rows);
                addColumn(loss.lines().get(k), h, k, RnnHistory.VALIDATION_LOSS, 1, fedRows, rows);
                addColumn(alignment.lines().get(k), h, k, RnnHistory.ALIGNMENT, 1, fedRows, rows);
            }
            fedRows = rows;
        }
        TripleBuffer<RnnSnapshot> snapshots = runner.snapshots();
        if (!snapshots.hasNew()) return;
        RnnSnapshot s = snapshots.front();
        int steps = s.steps;
        double[] xs = new double[steps];
        for (int t = 0; t < steps; t++) xs[t] = t;
        double[] x1 = new double[steps];
        double[] x2 = new double[steps];
        for (int t = 0; t < steps; t++) {
            x1[t] = s.inputs[2 * t];
            x2[t] = s.inputs[2 * t + 1];
        }
        List<DoubleDataSet> tl = trial.lines();
        tl.get(0).set(xs, x1, false);
        tl.get(1).set(xs, x2, false);
        if (s.rule != shownRuleColour) {
            shownRuleColour = s.rule;
            tl.get(2).setStyle(Palette.style(RuleColours.of(experiment, s.rule), 0));
        }
        tl.get(2).set(xs, s.readout.clone(), false);
        for (int b = 0; b < s.types; b++) {
            credit.lines().get(b).set(xs, Arrays.copyOfRange(s.credit, b * steps, (b + 1) * steps), false);
        }
        int tt = s.types * s.types;
        double[] ks = new double[s.tapCount];
        for (int k = 0; k < s.tapCount; k++) ks[k] = k + 1;
        for (int b = 0; b < s.types; b++) {
            for (int a = 0; a < s.types; a++) {
                double[] f = new double[s.tapCount];
                for (int k = 0; k < s.tapCount; k++) f[k] = s.taps[k * tt + b * s.types + a];
                taps.lines().get(b * s.types + a).set(ks, f, false);
            }
        }
        preparePixels(s);
    }

    private static void addColumn(DoubleDataSet d, RnnHistory h, int rule, int column, double scale, int from,
                                  int rows) {
        double[] x = new double[rows - from];
        double[] y = new double[rows - from];
        int m = 0;
        for (int r = from; r < rows; r++) {
            double v = h.get(r, rule, column);
            if (!Double.isFinite(v)) continue;
            x[m] = r + 1;
            y[m] = scale * v;
            m++;
        }
        if (m > 0) d.add(Arrays.copyOf(x, m), Arrays.copyOf(y, m));
    }

    private void preparePixels(RnnSnapshot s) {
        Frame f = pixels.back();
        int n = s.units;
        int steps = s.steps;
        double max = 1e-12;
        for (double v : s.rates) max = Math.max(max, v);
        int row = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && s.cellType[i] != s.cellType[i - 1]) {
                Arrays.fill(f.activity, row * steps, (row + 1) * steps, HeatMap.SEPARATOR);
                row++;
            }
            for (int t = 0; t < steps; t++) f.activity[row * steps + t] = HeatMap.sequential(s.rates[t * n + i] / max);
            row++;
        }
        f.rateMax = max;
        double wMax = 1e-12;
        for (double v : s.w) wMax = Math.max(wMax, Math.abs(v));
        double dMax = 1e-12;
        for (double v : s.dw) dMax = Math.max(dMax, Math.abs(v));
        for (int k = 0; k < n * n; k++) {
            f.w[k] = HeatMap.diverging(s.w[k] / wMax);
            f.wAb[k] = HeatMap.diverging(s.wAb[k] / wMax);
            f.dw[k] = HeatMap.diverging(s.dw[k] / dMax);
        }
        f.wMax = wMax;
        f.dwMax = s.iteration == 0 ? 0 : dMax;
        f.iteration = s.iteration;
        f.rule = s.rule;
        f.pattern = s.pattern;
        f.serial = s.serial;
        pixels.publish();
    }

    // ---- FX thread ------------------------------------------------------------------------------------

    /** One display frame: the heat maps, the trial chart's title and the rules' latest numbers. */
    void frame() {
        RnnHistory h = runner.history();
        int rows = h.rows();
        iterationLabel.setText("iteration " + rows);
        for (int k = 0; k < rules; k++) {
            String label = experiment.rules().get(k).label();
            String acc = "–";
            for (int r = rows - 1; r >= Math.max(0, rows - 50); r--) {
                double v = h.get(r, k, RnnHistory.VALIDATION_ACCURACY);
                if (Double.isFinite(v)) {
                    acc = String.format(Locale.ROOT, "%.0f %%", 100 * v);
                    break;
                }
            }
            ruleSummaries.get(k).setText(label + " " + acc);
        }
        Frame f = pixels.front();
        if (f.serial == shownSerial) return;
        shownSerial = f.serial;
        activity.paint(f.activity, String.format(Locale.ROOT, "rate 0 … %.3g; E above, I below",
                f.rateMax));
        w.paint(f.w, String.format(Locale.ROOT, "±%.3g, blue < 0 < red", f.wMax));
        wAb.paint(f.wAb, "scale of W");
        dw.paint(f.dw, f.dwMax == 0 ? "no change" : String.format(Locale.ROOT, "±%.3g", f.dwMax));
        String label = experiment.rules().get(f.rule).label();
        trial.node().setTitle("Trial " + PATTERNS[f.pattern].substring(5, 8) + ": " + label);
    }

    @Override
    public void close() {
        closed = true;
        frames.stop();
        feeder.interrupt();
    }
}
