package org.prospect.app.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.prospect.app.charts.ChartColumns;
import org.prospect.app.charts.PacedFeed;
import org.prospect.app.charts.RootStyle;
import org.prospect.engine.gle.NetworkSpec;
import org.prospect.engine.run.SimulationRunner;
import org.prospect.engine.trace.ComparisonProbe;
import org.prospect.engine.trace.NeuronId;

/**
 * The comparison view of a comparison file: every learner's output over the target (rolling window), loss
 * (log scale), weights and τ_m over the whole run, each learner in one colour everywhere, and a live table of
 * each learner's loss, weights and τ_m (norms per layer for big networks). Data path: {@link ComparisonProbe}
 * on the simulation thread → its traces → a feeder thread (bulk adds) → ChartFX; the FX thread sets ranges
 * and refreshes the table about five times a second.
 */
public final class ComparisonView implements AutoCloseable {
    public static final double WINDOW = 20;
    static final int SIGNAL_ROWS_PER_TIME_UNIT = 50;
    static final int SIGNAL_CAPACITY = 1200;
    static final int LEARNING_CAPACITY = 16_000;
    private static final long TABLE_PERIOD_NANOS = 200_000_000;
    public static final double TABLE_ROW = 30;
    public static final double TABLE_ROW_LECTURE = 40;

    /** One row of the summary table: a learner. */
    public static final class Row {
        final int learner;
        final ReadOnlyStringWrapper label;
        final ReadOnlyStringWrapper loss = new ReadOnlyStringWrapper("—");
        final List<ReadOnlyStringWrapper> weights = new ArrayList<>();
        final List<ReadOnlyStringWrapper> taus = new ArrayList<>();

        Row(int learner, String label, int weights, int taus) {
            this.learner = learner;
            this.label = new ReadOnlyStringWrapper(label);
            for (int i = 0; i < weights; i++) this.weights.add(new ReadOnlyStringWrapper("—"));
            for (int i = 0; i < taus; i++) this.taus.add(new ReadOnlyStringWrapper("—"));
        }

        public String label() { return label.get(); }

        public String loss() { return loss.get(); }
    }

    private final ComparisonProbe probe;
    private final LiveChart overlay;
    private final LiveChart loss;
    private final LiveChart weights;
    private final LiveChart taus;
    private final List<LiveChart> charts;
    private final TableView<Row> table = new TableView<>();
    private final PacedFeed feeder;
    private final TraceDrain signals;
    private final TraceDrain learning;
    private final double[] xs;
    private final double[] ys;
    private final double[] zeros;
    private final ScrollPane root;
    private final AnimationTimer frames;
    private volatile double latest;

    /** Builds the view and attaches its probe to the runner, which must not have started yet. */
    public ComparisonView(SimulationRunner runner) {
        NetworkSpec spec = runner.experiment().network();
        List<String> labels = runner.learners().stream().map(l -> l.label()).toList();
        probe = new ComparisonProbe(spec, labels, SIGNAL_ROWS_PER_TIME_UNIT, 8192);
        runner.addLearnersObserver(probe);
        int n = labels.size();

        overlay = new LiveChart("comparison-output", "Output vs target", "time t (τ units)",
                "output r", LiveChart.Scale.LINEAR, SIGNAL_CAPACITY);
        int outs = probe.outputsShown();
        for (int k = 0; k < outs; k++) overlay.addLine(outs == 1 ? "target" : "target" + k, LearnerPalette.TARGET, 1, 3);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < outs; k++) {
                overlay.addLine(labels.get(i) + (outs == 1 ? "" : " out" + k), LearnerPalette.colour(i), k, 2.5);
            }
        }
        loss = new LiveChart("comparison-loss", "Loss (batch mean)", "time t (τ units)", "loss",
                LiveChart.Scale.LOG, LEARNING_CAPACITY);
        for (int i = 0; i < n; i++) loss.addLine(labels.get(i), LearnerPalette.colour(i), 0, 2.5);
        weights = new LiveChart("comparison-weights", probe.singleWeights() ? "Weights" : "‖W‖ per layer",
                "time t (τ units)", probe.singleWeights() ? "w" : "‖W_l‖", LiveChart.Scale.LINEAR, LEARNING_CAPACITY);
        for (int i = 0; i < n; i++) {
            for (int w = 0; w < probe.weightNames().size(); w++) {
                weights.addLine(probe.weightNames().get(w) + " " + labels.get(i), LearnerPalette.colour(i), w, 2.5);
            }
        }
        taus = new LiveChart("comparison-tau", "τ_m", "time t (τ units)", "τ_m",
                LiveChart.Scale.LINEAR, LEARNING_CAPACITY);
        List<NeuronId> tauNeurons = probe.tauNeurons();
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < tauNeurons.size(); t++) {
                taus.addLine("τ_m " + tauNeurons.get(t).label() + " " + labels.get(i), LearnerPalette.colour(i), t, 2.5);
            }
        }
        charts = List.of(overlay, loss, weights, taus);
        // One legend for all four charts: the colours are the learners' everywhere.
        for (LiveChart c : charts) c.hideLegend();

        buildTable(labels, tauNeurons);
        signals = new TraceDrain(probe.signals());
        learning = new TraceDrain(probe.learning());
        int most = Math.max(probe.signals().capacity(), probe.learning().capacity());
        xs = new double[most];
        ys = new double[most];
        zeros = new double[most];
        feeder = new PacedFeed("prospect-comparison-feeder", this::feed);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("comparison-grid");
        for (int c = 0; c < 2; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < 2; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(50);
            grid.getRowConstraints().add(rc);
        }
        for (int k = 0; k < charts.size(); k++) grid.add(charts.get(k).node(), k % 2, k / 2);
        Label title = new Label("Learners (same seed, same input, lockstep)");
        title.getStyleClass().add("panel-title");
        VBox content = new VBox(6, legend(labels, tauNeurons), grid, title, table);
        content.setPadding(new Insets(4, 8, 8, 8));
        VBox.setVgrow(grid, Priority.ALWAYS);
        // On a low window (a 1280×800 projector in lecture mode, beside the parameter sheet) the view scrolls
        // rather than squeeze the charts to strips: the grid never gives a chart less than ChartColumns.minHeight.
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.setFitToHeight(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setMinSize(0, 0);
        root.setId("comparison-view");
        root.getStyleClass().addAll("comparison-view", "view-scroll");
        RootStyle.watch(root, (dark, lecture) -> {
            grid.setMinHeight(2 * ChartColumns.minHeight(lecture));
            // Lecture mode's larger text needs taller rows, or the last learner's row is cut off.
            double cell = lecture ? TABLE_ROW_LECTURE : TABLE_ROW;
            table.setFixedCellSize(cell);
            table.setPrefHeight(cell * (n + 1) + 16);
            table.setMinHeight(cell * (n + 1) + 16);
        });

        frames = new AnimationTimer() {
            private long lastTable;

            @Override
            public void handle(long now) {
                feeder.frameShown();
                for (LiveChart c : charts) c.follow();
                if (now - lastTable >= TABLE_PERIOD_NANOS) {
                    lastTable = now;
                    refreshTable();
                }
            }
        };
    }

    private javafx.scene.Node legend(List<String> labels, List<NeuronId> tauNeurons) {
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(18, 4);
        row.setId("comparison-legend");
        row.getStyleClass().add("comparison-legend");
        javafx.scene.shape.Line target = new javafx.scene.shape.Line(0, 0, 28, 0);
        target.setStroke(Color.web(LearnerPalette.TARGET));
        target.setStrokeWidth(3);
        target.getStrokeDashArray().addAll(14.0, 7.0);
        row.getChildren().add(new Label("target", target));
        for (int i = 0; i < labels.size(); i++) {
            javafx.scene.shape.Line l = new javafx.scene.shape.Line(0, 0, 28, 0);
            l.setStroke(Color.web(LearnerPalette.colour(i)));
            l.setStrokeWidth(4);
            row.getChildren().add(new Label(labels.get(i), l));
        }
        List<String> wn = probe.weightNames();
        if (wn.size() > 1 || tauNeurons.size() > 1) {
            StringBuilder styles = new StringBuilder("line style: ");
            String[] dash = {"solid", "dashed", "dotted", "dash-dot"};
            for (int k = 0; k < Math.max(wn.size(), tauNeurons.size()) && k < dash.length; k++) {
                if (k > 0) styles.append(", ");
                styles.append(dash[k]).append(" = ");
                styles.append(k < wn.size() ? wn.get(k) : "");
                if (k < wn.size() && k < tauNeurons.size()) styles.append(" / ");
                if (k < tauNeurons.size()) styles.append("τ_m ").append(tauNeurons.get(k).label());
            }
            Label hint = new Label(styles.toString());
            hint.getStyleClass().add("dashboard-hint");
            row.getChildren().add(hint);
        }
        return row;
    }

    private void buildTable(List<String> labels, List<NeuronId> tauNeurons) {
        table.setId("comparison-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        TableColumn<Row, String> name = new TableColumn<>("learner");
        name.setCellValueFactory(c -> c.getValue().label.getReadOnlyProperty());
        name.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null || getTableRow() == null || getTableRow().getItem() == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Rectangle swatch = new Rectangle(22, 6, Color.web(LearnerPalette.colour(getTableRow().getItem().learner)));
                setGraphic(swatch);
                setText(item);
            }
        });
        name.setPrefWidth(170);
        TableColumn<Row, String> lossColumn = new TableColumn<>("loss");
        lossColumn.setCellValueFactory(c -> c.getValue().loss.getReadOnlyProperty());
        table.getColumns().add(name);
        table.getColumns().add(lossColumn);
        List<String> wn = probe.weightNames();
        for (int w = 0; w < wn.size(); w++) {
            int k = w;
            TableColumn<Row, String> col = new TableColumn<>(wn.get(w));
            col.setCellValueFactory(c -> c.getValue().weights.get(k).getReadOnlyProperty());
            table.getColumns().add(col);
        }
        for (int t = 0; t < tauNeurons.size(); t++) {
            int k = t;
            TableColumn<Row, String> col = new TableColumn<>("τ_m " + tauNeurons.get(t).label());
            col.setCellValueFactory(c -> c.getValue().taus.get(k).getReadOnlyProperty());
            table.getColumns().add(col);
        }
        for (int i = 0; i < labels.size(); i++) {
            table.getItems().add(new Row(i, labels.get(i), wn.size(), tauNeurons.size()));
        }
    }

    /** FX thread: the newest summary into the table. */
    void refreshTable() {
        ComparisonProbe.Summary s = probe.summaries().front();
        for (Row r : table.getItems()) {
            r.loss.set(format(s.loss[r.learner]));
            for (int w = 0; w < r.weights.size(); w++) r.weights.get(w).set(format(s.weights[r.learner][w]));
            for (int t = 0; t < r.taus.size(); t++) r.taus.get(t).set(format(s.tauM[r.learner][t]));
        }
    }

    static String format(double v) {
        if (!Double.isFinite(v)) return String.valueOf(v);
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.2e", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Feeder thread: new rows of both traces into the charts, then the ranges. */
    private void feed() {
        int n = signals.drain();
        if (signals.reset) for (LiveChart c : charts) c.clear();
        if (n > 0) {
            int from = Math.max(signals.start, n - overlay.capacity());
            for (int line = 0; line < overlay.lineCount(); line++) {
                int channel = line; // targets, then each learner's outputs: the probe's channel order
                copy(signals, from, n, channel);
                overlay.add(line, xs, ys, zeros, n - from);
            }
            latest = signals.last;
        }
        int m = learning.drain();
        if (learning.reset) {
            loss.clear();
            weights.clear();
            taus.clear();
        }
        if (m > 0) {
            int from = learning.start;
            int learners = probe.learners();
            int wn = probe.weightNames().size();
            int tn = probe.tauNeurons().size();
            for (int i = 0; i < learners; i++) {
                addPositive(learning, from, m, probe.lossChannel(i));
                loss.add(i, xs, ys, zeros, m - from);
                for (int w = 0; w < wn; w++) {
                    copy(learning, from, m, probe.weightChannel(i, w));
                    weights.add(i * wn + w, xs, ys, zeros, m - from);
                }
                for (int t = 0; t < tn; t++) {
                    copy(learning, from, m, probe.tauChannel(i, t));
                    taus.add(i * tn + t, xs, ys, zeros, m - from);
                }
            }
        }
        double t = latest;
        overlay.computeRanges(t - WINDOW, Math.max(t, WINDOW));
        if (m > 0 || learning.reset) {
            loss.computeRanges(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            weights.computeRanges(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            taus.computeRanges(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
    }

    private void copy(TraceDrain d, int from, int to, int channel) {
        for (int k = from; k < to; k++) {
            xs[k - from] = d.time[k];
            ys[k - from] = d.columns[channel][k];
        }
    }

    private void addPositive(TraceDrain d, int from, int to, int channel) {
        copy(d, from, to, channel);
        for (int k = 0; k < to - from; k++) if (!(ys[k] > 0)) ys[k] = Double.NaN; // a log axis cannot draw 0
    }

    public void start() {
        feeder.start();
        frames.start();
    }

    public Parent node() { return root; }

    public ComparisonProbe probe() { return probe; }

    public LiveChart overlay() { return overlay; }

    public LiveChart lossChart() { return loss; }

    public LiveChart weightsChart() { return weights; }

    public LiveChart tauChart() { return taus; }

    public List<LiveChart> charts() { return charts; }

    public TableView<Row> table() { return table; }

    /** Drains done so far (any thread), for tests that wait for data. */
    public long drains() { return feeder.drains(); }

    @Override
    public void close() {
        frames.stop();
        feeder.close();
    }
}
