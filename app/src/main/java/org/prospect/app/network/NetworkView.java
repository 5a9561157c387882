package org.prospect.app.network;

import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.prospect.app.charts.Palette;
import org.prospect.engine.gle.NetworkSpec;
import org.prospect.engine.trace.NetworkSnapshot;
import org.prospect.engine.trace.NeuronId;
import org.prospect.engine.trace.TripleBuffer;

/**
 * The student network drawn on a canvas: the input and each layer as a column, neurons as discs coloured
 * by a chosen quantity on a blue–white–red scale (legend below), synapses as lines coloured by sign and as
 * wide as |w|, glowing for a moment where a weight changes fast. Click selects a neuron for the charts,
 * Ctrl+click adds or removes one; hovering shows a neuron's values and time constants. It paints from the
 * snapshot the simulation thread last published ({@link TripleBuffer}); the FX thread never waits for it.
 */
public final class NetworkView {
    /** What the disc colour shows. */
    public enum ColourBy {
        U("u", "somatic potential u"),
        RATE("r", "rate r = φ(ŭ)"),
        ERROR("ĕ", "prospective error ĕ"),
        EXACT_ERROR("ε", "exact error −β·∂L/∂s/dt, BPTT (delayed)"),
        LAMBDA("λ", "BPTT adjoint λ = ∂L/∂u (delayed)");

        private final String symbol;
        private final String description;

        ColourBy(String symbol, String description) {
            this.symbol = symbol;
            this.description = description;
        }

        public String symbol() { return symbol; }

        public String description() { return description; }

        @Override
        public String toString() { return symbol + " — " + description; }
    }

    private static final Color NEGATIVE = Color.web("#2166ac");
    private static final Color POSITIVE = Color.web("#b2182b");
    private static final Color SYNAPSE_POSITIVE = Color.web("#2a6fdb", 0.7);
    private static final Color SYNAPSE_NEGATIVE = Color.web("#e0601a", 0.7);
    private static final Color GLOW = Color.web("#f5c211");
    private static final Color DARK_BACKGROUND = Color.web("#1e1f22");
    private boolean dark;
    private static final double TOP = 34;
    private static final double BOTTOM = 70;
    /** Weight change per time unit, relative to the largest |w|, where a synapse starts / fully glows. */
    /** Most synapses drawn per layer; bigger layers are drawn as an even sample of their synapses. */
    static final int MAX_SYNAPSES_DRAWN = 400;
    private static final double GLOW_FROM = 0.02;
    private static final double GLOW_FULL = 0.1;

    private final NetworkSpec spec;
    private final TripleBuffer<NetworkSnapshot> snapshots;
    private final SelectionModel selection;
    private final Canvas canvas = new Canvas();
    private final Pane pane = new Pane(canvas);
    private final Tooltip tooltip = new Tooltip();
    private final double[][] glow;
    private final double[][] cx;
    private final double[][] cy;
    private final double[] inX;
    private final double[] inY;
    private double radius;
    private ColourBy colourBy = ColourBy.U;
    private double scale;
    private NeuronId hovered;
    private long lastStep = -1;

    public NetworkView(NetworkSpec spec, TripleBuffer<NetworkSnapshot> snapshots, SelectionModel selection) {
        this.spec = spec;
        this.snapshots = snapshots;
        this.selection = selection;
        int layers = spec.layerCount();
        glow = new double[layers][];
        cx = new double[layers][];
        cy = new double[layers][];
        for (int l = 0; l < layers; l++) {
            glow[l] = new double[spec.layer(l).size() * spec.fanIn(l)];
            cx[l] = new double[spec.layer(l).size()];
            cy[l] = new double[spec.layer(l).size()];
        }
        inX = new double[spec.inputs()];
        inY = new double[spec.inputs()];
        canvas.setId("network-canvas");
        canvas.widthProperty().bind(pane.widthProperty());
        canvas.heightProperty().bind(pane.heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        pane.getStyleClass().add("network-view");
        pane.setMinSize(200, 200);
        tooltip.setShowDelay(Duration.ZERO);
        tooltip.getStyleClass().add("neuron-tooltip");
        canvas.setOnMouseMoved(this::hover);
        canvas.setOnMouseExited(e -> {
            hovered = null;
            tooltip.hide();
        });
        canvas.setOnMouseClicked(this::click);
        selection.addListener(s -> redraw());
    }

    public Pane node() { return pane; }

    /** Paints on the dark theme's background with light text (FX thread). */
    public void setDark(boolean on) {
        if (dark == on) return;
        dark = on;
        redraw();
    }

    public Canvas canvas() { return canvas; }

    public Tooltip tooltip() { return tooltip; }

    public ColourBy colourBy() { return colourBy; }

    public void setColourBy(ColourBy c) {
        colourBy = c;
        scale = 0;
        redraw();
    }

    /** Where neuron n is drawn, in screen coordinates (for tests and tutorials). */
    public Point2D screenPosition(NeuronId n) {
        return canvas.localToScreen(cx[n.layer()][n.index()], cy[n.layer()][n.index()]);
    }

    private void layout(double w, double h) {
        int columns = spec.layerCount() + 1;
        double colW = w / columns;
        double area = Math.max(10, h - TOP - BOTTOM);
        int most = spec.inputs();
        for (int l = 0; l < spec.layerCount(); l++) most = Math.max(most, spec.layer(l).size());
        radius = Math.max(6, Math.min(30, Math.min(0.36 * area / most, 0.2 * colW)));
        for (int j = 0; j < spec.inputs(); j++) {
            inX[j] = 0.5 * colW;
            inY[j] = TOP + (j + 0.5) * area / spec.inputs();
        }
        for (int l = 0; l < spec.layerCount(); l++) {
            int n = spec.layer(l).size();
            for (int i = 0; i < n; i++) {
                cx[l][i] = (l + 1.5) * colW;
                cy[l][i] = TOP + (i + 0.5) * area / n;
            }
        }
    }

    /** Paints the newest snapshot (FX thread; the dashboard calls this at most ~30 times a second). */
    public void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 2 || h < 2) return;
        NetworkSnapshot s = snapshots.front();
        layout(w, h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(dark ? DARK_BACKGROUND : Color.WHITE);
        g.fillRect(0, 0, w, h);
        boolean fresh = s.step != lastStep;
        lastStep = s.step;

        double maxW = 1e-12;
        for (double[] wl : s.weights) for (double v : wl) maxW = Math.max(maxW, Math.abs(v));
        // Synapses: glow underneath, then the line itself.
        for (int l = 0; l < spec.layerCount(); l++) {
            int n = spec.layer(l).size();
            int in = spec.fanIn(l);
            // Big layers (MNIST-1D: 53 × 53) would be thousands of strokes per frame: draw an even sample.
            int every = Math.max(1, (n * in + MAX_SYNAPSES_DRAWN - 1) / MAX_SYNAPSES_DRAWN);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < in; j++) {
                    int k = i * in + j;
                    if (every > 1 && (k % every) != 0) continue;
                    double x0 = l == 0 ? inX[j] : cx[l - 1][j];
                    double y0 = l == 0 ? inY[j] : cy[l - 1][j];
                    double wv = s.weights[l][k];
                    double width = 0.8 + 7 * Math.abs(wv) / maxW;
                    if (fresh && s.elapsed > 0) {
                        double rate = Math.abs(s.weightChange[l][k]) / s.elapsed / maxW;
                        double target = rate < GLOW_FROM ? 0 : Math.min(1, rate / GLOW_FULL);
                        glow[l][k] = Math.max(glow[l][k] * 0.85, target);
                    } else if (fresh) {
                        glow[l][k] *= 0.85;
                    }
                    if (glow[l][k] > 0.05) {
                        g.setStroke(GLOW.deriveColor(0, 1, 1, glow[l][k]));
                        g.setLineWidth(width + 10);
                        g.strokeLine(x0, y0, cx[l][i], cy[l][i]);
                    }
                    g.setStroke(wv >= 0 ? SYNAPSE_POSITIVE : SYNAPSE_NEGATIVE);
                    g.setLineWidth(width);
                    g.strokeLine(x0, y0, cx[l][i], cy[l][i]);
                }
            }
        }

        double maxAbs = 0;
        for (int l = 0; l < spec.layerCount(); l++) {
            for (double v : values(s, l)) if (Double.isFinite(v)) maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        scale = Math.max(Math.max(maxAbs, 0.98 * scale), 1e-9);

        // Inputs: squares coloured by the input value on its own scale.
        double inScale = 1e-9;
        for (double v : s.input) inScale = Math.max(inScale, Math.abs(v));
        g.setLineDashes();
        for (int j = 0; j < spec.inputs(); j++) {
            double r = 0.75 * radius;
            g.setFill(colour(s.input[j] / inScale));
            g.fillRect(inX[j] - r, inY[j] - r, 2 * r, 2 * r);
            g.setStroke(Color.web("#555555"));
            g.setLineWidth(2);
            g.strokeRect(inX[j] - r, inY[j] - r, 2 * r, 2 * r);
        }
        g.setFont(Font.font(null, FontWeight.BOLD, 16));
        g.setTextBaseline(VPos.CENTER);
        for (int l = 0; l < spec.layerCount(); l++) {
            double[] v = values(s, l);
            for (int i = 0; i < v.length; i++) {
                double x = cx[l][i];
                double y = cy[l][i];
                g.setFill(Double.isFinite(v[i]) ? colour(v[i] / scale) : Color.web("#dddddd"));
                g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
                int slot = selection.slotOf(new NeuronId(l, i));
                g.setLineDashes();
                if (slot >= 0) {
                    g.setStroke(dark ? Color.web("#f0f0f0") : Color.web("#111111"));
                    g.setLineWidth(5);
                    g.setLineDashes(Palette.dashes(slot));
                    g.strokeOval(x - radius - 4, y - radius - 4, 2 * radius + 8, 2 * radius + 8);
                    g.setLineDashes();
                    g.setFill(dark ? Color.web("#f0f0f0") : Color.web("#111111"));
                    g.setTextAlign(TextAlignment.LEFT);
                    g.fillText(String.valueOf(slot + 1), x + radius + 7, y - radius);
                }
                g.setStroke(Color.web("#444444"));
                g.setLineWidth(2);
                g.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
            }
        }

        // Column titles.
        g.setFill(dark ? Color.web("#e8e8e8") : Color.web("#222222"));
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(Font.font(null, FontWeight.BOLD, 17));
        g.fillText("input", inX.length > 0 ? inX[0] : 0, TOP / 2);
        for (int l = 0; l < spec.layerCount(); l++) {
            g.fillText(l == spec.layerCount() - 1 ? "L" + l + " out" : "L" + l, cx[l][0], TOP / 2);
        }
        legend(g, w, h, s);
        if (hovered != null) tooltip.setText(describe(hovered, s));
    }

    private void legend(GraphicsContext g, double w, double h, NetworkSnapshot s) {
        double barW = Math.min(240, w - 120);
        double x = (w - barW) / 2;
        double y = h - BOTTOM + 30;
        g.setFill(new LinearGradient(x, 0, x + barW, 0, false, CycleMethod.NO_CYCLE,
                new Stop(0, NEGATIVE), new Stop(0.5, Color.WHITE), new Stop(1, POSITIVE)));
        g.fillRect(x, y, barW, 14);
        g.setStroke(Color.web("#666666"));
        g.setLineWidth(1);
        g.strokeRect(x, y, barW, 14);
        g.setFill(dark ? Color.web("#e8e8e8") : Color.web("#222222"));
        g.setFont(Font.font(null, FontWeight.NORMAL, 16));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(fmt(-scale), x - 6, y + 7);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(fmt(scale), x + barW + 6, y + 7);
        g.setTextAlign(TextAlignment.CENTER);
        String caption = "colour: " + colourBy.description();
        if ((colourBy == ColourBy.LAMBDA || colourBy == ColourBy.EXACT_ERROR) && Double.isFinite(s.lambdaTime)) {
            caption += String.format(Locale.ROOT, " at t = %.1f", s.lambdaTime);
        }
        g.fillText(caption, w / 2, y - 14);
    }

    private double[] values(NetworkSnapshot s, int l) {
        return switch (colourBy) {
            case U -> s.u[l];
            case RATE -> s.rate[l];
            case ERROR -> s.prospectiveError[l];
            case EXACT_ERROR -> s.exactError[l];
            case LAMBDA -> s.lambda[l];
        };
    }

    private static Color colour(double t) {
        double c = Math.max(-1, Math.min(1, t));
        return c < 0 ? Color.WHITE.interpolate(NEGATIVE, -c) : Color.WHITE.interpolate(POSITIVE, c);
    }

    private NeuronId hit(double x, double y) {
        for (int l = 0; l < spec.layerCount(); l++) {
            for (int i = 0; i < cx[l].length; i++) {
                double dx = x - cx[l][i];
                double dy = y - cy[l][i];
                if (dx * dx + dy * dy <= (radius + 4) * (radius + 4)) return new NeuronId(l, i);
            }
        }
        return null;
    }

    private void hover(MouseEvent e) {
        hovered = hit(e.getX(), e.getY());
        if (hovered == null) {
            tooltip.hide();
            return;
        }
        tooltip.setText(describe(hovered, snapshots.front()));
        tooltip.show(canvas, e.getScreenX() + 16, e.getScreenY() + 16);
    }

    private void click(MouseEvent e) {
        NeuronId n = hit(e.getX(), e.getY());
        if (n == null) return;
        if (e.isControlDown() || e.isShortcutDown()) {
            selection.toggle(n);
        } else {
            selection.select(n);
        }
    }

    /** The tooltip text for neuron n: its values in the snapshot and its time constants. */
    static String describe(NeuronId n, NetworkSnapshot s) {
        int l = n.layer();
        int i = n.index();
        StringBuilder b = new StringBuilder();
        b.append("Layer ").append(l).append(", neuron ").append(i).append('\n');
        b.append(String.format(Locale.ROOT, "u = %+.4f%n", s.u[l][i]));
        b.append(String.format(Locale.ROOT, "W r + b = %+.4f%n", s.basal[l][i]));
        b.append(String.format(Locale.ROOT, "r = φ(ŭ) = %+.4f%n", s.rate[l][i]));
        b.append(String.format(Locale.ROOT, "ĕ = %+.3g   e_in = %+.3g%n", s.prospectiveError[l][i], s.instantaneousError[l][i]));
        b.append(Double.isFinite(s.lambda[l][i])
                ? String.format(Locale.ROOT, "exact error −β·∂L/∂s/dt = %+.3g   λ = %+.3g (at t = %.2f)%n",
                        s.exactError[l][i], s.lambda[l][i], s.lambdaTime)
                : "exact error, λ: after the first BPTT window\n");
        b.append(String.format(Locale.ROOT, "τ_m = %.3f   τ_r = %.3f", s.tauM[l][i], s.tauR[l][i]));
        return b.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%+.2g", v);
    }
}
