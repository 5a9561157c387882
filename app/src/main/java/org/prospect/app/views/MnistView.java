package org.prospect.app.views;

import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.prospect.app.charts.PacedFeed;
import org.prospect.engine.experiment.SequenceClassification;
import org.prospect.engine.run.SimulationRunner;
import org.prospect.engine.task.TargetSpec;
import org.prospect.engine.trace.ClassificationProbe;

/**
 * The live view of a sequence-classification (MNIST-1D) run: the input sequence batch sample 0 is seeing
 * with a cursor at the current step, the network's output of every class over that sequence (the true class
 * drawn again, thick, underneath), the running training accuracy and each epoch's test accuracy, and the
 * latest epoch's confusion matrix on the test set as a heat map with counts. Data path:
 * {@link ClassificationProbe} (simulation thread) → trace → feeder thread (bulk adds) → ChartFX; the FX thread
 * sets ranges and paints the two canvases.
 */
public final class MnistView implements AutoCloseable {
    private static final String[] CLASS_COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private static final double ACCURACY_STEP = 0.005;

    private final ClassificationProbe probe;
    private final int classes;
    private final int length;
    private final LiveChart outputs;
    private final LiveChart accuracy;
    private final int trueLine;
    private final int runningLine;
    private final int testLine;
    private final int trainLine;
    private final Canvas sequence = new Canvas();
    private final Canvas confusion = new Canvas();
    private final Label header = new Label();
    private final PacedFeed feeder;
    private final TraceDrain drain;
    private final double[] xs;
    private final double[] ys;
    private final double[] zeros;
    private final VBox root;
    private final AnimationTimer frames;
    // Feeder-thread state, published for the FX thread.
    private double lastAccuracyX = Double.NEGATIVE_INFINITY;
    private int epochsDrawn;
    private volatile int position = -1;
    private volatile int label = -1;
    private volatile double runningAccuracy = Double.NaN;
    private volatile double epochProgress;
    private int confusionShown = -1;

    /** Builds the view and attaches its probe to the runner, which must not have started yet. */
    public MnistView(SimulationRunner runner) {
        TargetSpec.Dataset d = (TargetSpec.Dataset) runner.experiment().target();
        classes = d.train().classes();
        length = d.train().length();
        probe = new ClassificationProbe(classes, length, 8192);
        runner.addObserver(probe);

        outputs = new LiveChart("mnist-outputs", "Output per class",
                "step in the sequence", "output (logit)", LiveChart.Scale.LINEAR, length + 8);
        outputs.hideLegend();
        trueLine = outputs.addLine("true class", "#00000055", 0, 9);
        for (int k = 0; k < classes; k++) outputs.addLine(String.valueOf(k), CLASS_COLOURS[k % CLASS_COLOURS.length], 0, 2);
        accuracy = new LiveChart("mnist-accuracy", "Accuracy", "epoch", "accuracy", LiveChart.Scale.LINEAR, 20_000);
        accuracy.fixY(0, 1);
        accuracy.hideLegend();
        runningLine = accuracy.addLine("train (running)", "#1a5fb4", 0, 2);
        trainLine = accuracy.addLine("train (epoch)", "#62a0ea", 1, 2, true);
        testLine = accuracy.addLine("test (epoch)", "#c01c28", 0, 3, true);

        drain = new TraceDrain(probe.trace());
        xs = new double[probe.trace().capacity()];
        ys = new double[probe.trace().capacity()];
        zeros = new double[probe.trace().capacity()];
        feeder = new PacedFeed("prospect-mnist-feeder", this::feed);

        header.setId("mnist-header");
        header.getStyleClass().add("panel-title");
        Pane sequencePane = canvasPane(sequence, this::drawSequence);
        Pane confusionPane = canvasPane(confusion, () -> drawConfusion(true));
        sequencePane.setId("mnist-sequence");
        confusionPane.setId("mnist-confusion");
        GridPane grid = new GridPane();
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
        grid.add(sequencePane, 0, 0);
        grid.add(outputs.node(), 1, 0);
        grid.add(accuracy.node(), 0, 1);
        grid.add(confusionPane, 1, 1);
        root = new VBox(4, header, legend(), grid);
        root.setPadding(new Insets(4, 8, 8, 8));
        VBox.setVgrow(grid, Priority.ALWAYS);
        root.setId("mnist-view");

        frames = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                feeder.frameShown();
                if (now - last < 16_000_000) return;
                last = now;
                outputs.follow();
                accuracy.follow();
                drawSequence();
                drawConfusion(false);
                showHeader();
            }
        };
    }

    /** One key for both charts (their own legends would take half their height). */
    private javafx.scene.Node legend() {
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(10, 2);
        row.setId("mnist-legend");
        row.getChildren().add(new Label("class:"));
        for (int k = 0; k < classes; k++) row.getChildren().add(key(String.valueOf(k), CLASS_COLOURS[k % CLASS_COLOURS.length], 3, false));
        row.getChildren().add(key("true class", "#00000055", 8, false));
        row.getChildren().add(new Label("   accuracy:"));
        row.getChildren().add(key("train (running)", "#1a5fb4", 3, false));
        row.getChildren().add(key("train (epoch)", "#62a0ea", 3, true));
        row.getChildren().add(key("test (epoch)", "#c01c28", 4, false));
        return row;
    }

    private static Label key(String text, String colour, double width, boolean dashed) {
        javafx.scene.shape.Line l = new javafx.scene.shape.Line(0, 0, 22, 0);
        l.setStroke(Color.web(colour));
        l.setStrokeWidth(width);
        if (dashed) l.getStrokeDashArray().addAll(8.0, 4.0);
        return new Label(text, l);
    }

    private static Pane canvasPane(Canvas canvas, Runnable redraw) {
        Pane p = new Pane(canvas);
        p.setMinSize(0, 0);
        p.setPrefSize(400, 300);
        canvas.widthProperty().bind(p.widthProperty());
        canvas.heightProperty().bind(p.heightProperty());
        canvas.widthProperty().addListener((o, a, b) -> redraw.run());
        canvas.heightProperty().addListener((o, a, b) -> redraw.run());
        return p;
    }

    /** Feeder thread: the newest rows into the output chart (current sequence only) and the accuracy chart. */
    private void feed() {
        int n = drain.drain();
        List<SequenceClassification.Epoch> epochs = probe.epochs();
        if (drain.reset || epochs.size() < epochsDrawn) {
            outputs.clear();
            accuracy.clear();
            epochsDrawn = 0;
            lastAccuracyX = Double.NEGATIVE_INFINITY;
        }
        if (n > 0) {
            double[] pos = drain.columns[ClassificationProbe.POSITION];
            // Only the rows of the newest sequence: a step back in position starts a new one.
            int from = drain.start;
            for (int k = Math.max(from, 1); k < n; k++) if (pos[k] < pos[k - 1]) from = k;
            boolean newSequence = from > 0 ? pos[from] < pos[from - 1] || drain.reset
                    : position >= 0 && pos[0] < position;
            if (newSequence) outputs.clear();
            int lbl = (int) drain.columns[ClassificationProbe.LABEL][n - 1];
            double[] trueOut = drain.columns[ClassificationProbe.outputChannel(Math.max(0, Math.min(classes - 1, lbl)))];
            for (int k = from; k < n; k++) {
                xs[k - from] = pos[k];
                ys[k - from] = trueOut[k];
            }
            outputs.add(trueLine, xs, ys, zeros, n - from);
            for (int c = 0; c < classes; c++) {
                double[] col = drain.columns[ClassificationProbe.outputChannel(c)];
                for (int k = from; k < n; k++) ys[k - from] = col[k];
                outputs.add(1 + c, xs, ys, zeros, n - from);
            }
            // Running accuracy: one point per 1/200 epoch is plenty.
            double[] progress = drain.columns[ClassificationProbe.EPOCH_PROGRESS];
            double[] acc = drain.columns[ClassificationProbe.RUNNING_ACCURACY];
            int m = 0;
            for (int k = drain.start; k < n; k++) {
                if (progress[k] - lastAccuracyX < ACCURACY_STEP || !Double.isFinite(acc[k])) continue;
                lastAccuracyX = progress[k];
                xs[m] = progress[k];
                ys[m] = acc[k];
                m++;
            }
            accuracy.add(runningLine, xs, ys, zeros, m);
            position = (int) pos[n - 1];
            label = lbl;
            runningAccuracy = acc[n - 1];
            epochProgress = progress[n - 1];
        }
        if (epochs.size() > epochsDrawn) {
            int m = 0;
            for (int e = epochsDrawn; e < epochs.size(); e++) {
                xs[m] = epochs.get(e).epoch();
                ys[m] = epochs.get(e).testAccuracy();
                zeros[m] = 0;
                m++;
            }
            accuracy.add(testLine, xs, ys, zeros, m);
            m = 0;
            for (int e = epochsDrawn; e < epochs.size(); e++) {
                xs[m] = epochs.get(e).epoch();
                ys[m] = epochs.get(e).trainAccuracy();
                m++;
            }
            accuracy.add(trainLine, xs, ys, zeros, m);
            epochsDrawn = epochs.size();
        }
        outputs.computeRanges(0, length - 1);
        double maxEpoch = Math.max(1, Math.ceil(epochProgress + 1e-9));
        accuracy.computeRanges(0, maxEpoch);
    }

    private void showHeader() {
        List<SequenceClassification.Epoch> epochs = probe.epochs();
        String last = epochs.isEmpty() ? "test: after epoch 1"
                : String.format(Locale.ROOT, "test (epoch %d) %.1f %%", epochs.get(epochs.size() - 1).epoch(),
                        100 * epochs.get(epochs.size() - 1).testAccuracy());
        header.setText(String.format(Locale.ROOT, "Epoch %.2f  ·  sample 0: label %s, step %d/%d  ·  train %s  ·  %s",
                epochProgress, label < 0 ? "—" : String.valueOf(label), Math.max(0, position) + 1, length,
                Double.isFinite(runningAccuracy) ? String.format(Locale.ROOT, "%.1f %%", 100 * runningAccuracy) : "—", last));
    }

    /** FX thread: the current input sequence with a cursor at the current step. */
    private void drawSequence() {
        double w = sequence.getWidth();
        double h = sequence.getHeight();
        if (w < 2 || h < 2) return;
        GraphicsContext g = sequence.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        ClassificationProbe.Sequence s = probe.sequences().front();
        double[] v = s.values;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double left = 64;
        double right = 22;
        double top = 40;
        double bottom = 40;
        double pw = w - left - right;
        double ph = h - top - bottom;
        g.setFill(Color.web("#222222"));
        g.setFont(Font.font(null, FontWeight.BOLD, 19));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("Input x, sample 0 (label " + s.label + ")", w / 2, 16, w - 8);
        g.setFont(Font.font(16));
        g.fillText("step in the sequence (red: now)", left + pw / 2, h - 12, pw);
        g.setStroke(Color.web("#999999"));
        g.setLineWidth(1);
        g.strokeRect(left, top, pw, ph);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(String.format(Locale.ROOT, "%.2g", hi), left - 6, top + 6);
        g.fillText(String.format(Locale.ROOT, "%.2g", lo), left - 6, top + ph - 6);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("0", left, top + ph + 12);
        g.fillText(String.valueOf(v.length - 1), left + pw, top + ph + 12);
        g.setStroke(Color.web("#1a5fb4"));
        g.setLineWidth(2.5);
        g.beginPath();
        for (int i = 0; i < v.length; i++) {
            double x = left + pw * i / Math.max(1, v.length - 1);
            double y = top + ph * (1 - (v[i] - lo) / (hi - lo));
            if (i == 0) g.moveTo(x, y);
            else g.lineTo(x, y);
        }
        g.stroke();
        int p = position;
        if (p >= 0) {
            double x = left + pw * p / Math.max(1, v.length - 1);
            g.setStroke(Color.web("#c01c28"));
            g.setLineWidth(3);
            g.strokeLine(x, top, x, top + ph);
            double y = top + ph * (1 - (v[Math.min(p, v.length - 1)] - lo) / (hi - lo));
            g.setFill(Color.web("#c01c28"));
            g.fillOval(x - 6, y - 6, 12, 12);
        }
    }

    /** FX thread: the latest epoch's confusion matrix (test set) as a heat map with counts. */
    private void drawConfusion(boolean force) {
        List<SequenceClassification.Epoch> epochs = probe.epochs();
        if (!force && epochs.size() == confusionShown) return;
        confusionShown = epochs.size();
        double w = confusion.getWidth();
        double h = confusion.getHeight();
        if (w < 2 || h < 2) return;
        GraphicsContext g = confusion.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFill(Color.web("#222222"));
        g.setFont(Font.font(null, FontWeight.BOLD, 19));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        if (epochs.isEmpty()) {
            g.fillText("Confusion matrix (test set)", w / 2, 16, w - 8);
            g.setFont(Font.font(16));
            g.fillText("shown after the first epoch", w / 2, h / 2, w - 8);
            return;
        }
        SequenceClassification.Epoch e = epochs.get(epochs.size() - 1);
        int[][] m = e.confusion();
        int k = m.length;
        g.fillText(String.format(Locale.ROOT, "Confusion (test set, epoch %d): %.1f %%", e.epoch(),
                100 * e.testAccuracy()), w / 2, 16, w - 8);
        double top = 64;
        double left = 56;
        double size = Math.max(10, Math.min(w - left - 16, h - top - 40));
        double cell = size / k;
        double x0 = left + Math.max(0, (w - left - 16 - size) / 2);
        int max = 1;
        for (int[] row : m) for (int c : row) max = Math.max(max, c);
        g.setFont(Font.font(Math.max(11, Math.min(18, cell * 0.4))));
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double f = (double) m[i][j] / max;
                Color c = i == j ? Color.web("#f6f5f4").interpolate(Color.web("#1a5fb4"), f)
                        : Color.web("#f6f5f4").interpolate(Color.web("#c01c28"), f);
                g.setFill(c);
                g.fillRect(x0 + j * cell, top + i * cell, cell - 1, cell - 1);
                g.setFill(f > 0.55 ? Color.WHITE : Color.web("#222222"));
                if (m[i][j] > 0) g.fillText(String.valueOf(m[i][j]), x0 + (j + 0.5) * cell, top + (i + 0.5) * cell);
            }
        }
        g.setFill(Color.web("#222222"));
        g.setFont(Font.font(16));
        for (int i = 0; i < k; i++) {
            g.fillText(String.valueOf(i), x0 - 10, top + (i + 0.5) * cell);
            g.fillText(String.valueOf(i), x0 + (i + 0.5) * cell, top - 10);
        }
        g.fillText("predicted →", x0 + size / 2, top - 26);
        g.save();
        g.translate(x0 - 32, top + size / 2);
        g.rotate(-90);
        g.fillText("true label →", 0, 0);
        g.restore();
    }

    public void start() {
        feeder.start();
        frames.start();
    }

    public Parent node() { return root; }

    public ClassificationProbe probe() { return probe; }

    public LiveChart outputsChart() { return outputs; }

    public LiveChart accuracyChart() { return accuracy; }

    public List<LiveChart> charts() { return List.of(outputs, accuracy); }

    /** The confusion matrix shown (the latest epoch's), or null before the first epoch (FX thread). */
    public int[][] shownConfusion() {
        List<SequenceClassification.Epoch> epochs = probe.epochs();
        return confusionShown <= 0 || epochs.isEmpty() ? null : epochs.get(confusionShown - 1).confusion();
    }

    public long drains() { return feeder.drains(); }

    @Override
    public void close() {
        frames.stop();
        feeder.close();
    }
}
