package org.prospect.app.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.AxisMode;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.CrosshairIndicator;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.CircularDoubleErrorDataSet;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Tooltip;

/**
 * A ChartFX chart of trace channels against simulated time, over the dashboard's rolling window: one
 * y axis on the left, optionally a second on the right, each with its own range policy. Its lines are
 * filled only by a {@link DashboardFeeder} off the FX thread (ChartFX 11.3 deadlocked when points were
 * added from the FX thread); the FX thread only sets axis ranges. Zoom (drag), pan, crosshair and
 * data-point tooltips come from ChartFX plugins; while zoomed, the chart stops following the run.
 */
public final class TimeChart {
    /** How an axis chooses its range. */
    public enum Scale {
        /** From the smallest to the largest value in the window. */
        LINEAR,
        /** Symmetric about zero, so that two such axes share their zero line. */
        SYMMETRIC,
        /** Logarithmic, whole decades; non-positive values are not drawn. */
        LOG,
        /** Fixed [−1, 1], for cosines. */
        COSINE
    }

    /** Which trace a line comes from. */
    public enum Source { MAIN, LAMBDA }

    /** One line: its data set, the trace channel it shows and the axis it is drawn against. */
    static final class Series {
        final CircularDoubleErrorDataSet data;
        final Source source;
        final int channel;
        final int axis;
        /** Follows the selection: drawn only from rows taken with {@link #generation}. */
        final boolean slot;
        final long generation;
        final Line line;
        /** Feeder thread only: the line's points reduced to two per pixel column. */
        final ColumnReducer reducer = new ColumnReducer();

        Series(CircularDoubleErrorDataSet data, Line line, boolean slot, long generation) {
            this(data, line.source(), line.channel(), line.axis(), slot, generation, line);
        }

        Series(CircularDoubleErrorDataSet data, Source source, int channel, int axis, boolean slot, long generation, Line line) {
            this.line = line;
            this.data = data;
            this.source = source;
            this.channel = channel;
            this.axis = axis;
            this.slot = slot;
            this.generation = generation;
        }
    }

    /** A line to add: name, colour, dash index, source, channel, axis (0 left, 1 right). */
    public record Line(String name, String colour, int dash, Source source, int channel, int axis) {}

    private final XYChart chart;
    private final DefaultNumericAxis time;
    private final DefaultNumericAxis[] values;
    private final Scale[] scales;
    private final TraceRenderer[] renderers;
    private final Zoomer zoomer;
    private final List<Series> fixed = new ArrayList<>();
    private volatile Series[] series = new Series[0];
    final RangeTracker[] trackers;
    /** The zoomed time range {from, to} as the FX thread last saw it, null when following the run. */
    volatile double[] zoom;
    /** Feeder thread: the zoom the lines were last drawn for (null: the rolling window), and the lines then. */
    double[] shownZoom;
    Series[] shownSeries;
    /** {min, max} per axis over the window, from the feeder; NaN when unknown. */
    volatile double[] ranges;
    private final List<Line> fixedLines = new ArrayList<>();
    private final ChartLegend legend = new ChartLegend();
    private volatile boolean dark;
    private volatile boolean lecture;
    private volatile long styleGeneration;
    private long appliedStyle;
    private boolean changed;
    private boolean changedValueAxis;
    /** Device pixel columns of the plot area as last laid out (FX thread writes; the feeder reduces lines to them). */
    private volatile int columns = DEFAULT_COLUMNS;

    /** Pixel columns assumed before the first layout. */
    static final int DEFAULT_COLUMNS = 600;
    /** Most pixel columns a line is reduced to (a 4K screen's width). */
    static final int MAX_COLUMNS = 4096;
    /** Points each line keeps: two per pixel column over a window, twice over (a narrowed window keeps its past). */
    static final int LINE_CAPACITY = 4 * MAX_COLUMNS;

    /**
     * @param title    short, so that it fits over a narrow chart; {@code about} is its tooltip
     * @param right    the right axis' label, or null for none
     */
    public TimeChart(String id, String title, String about, String left, Scale leftScale, String right,
                     Scale rightScale) {
        time = axis(TIME_LABEL);
        time.setSide(Side.BOTTOM);
        int axes = right == null ? 1 : 2;
        values = new DefaultNumericAxis[axes];
        scales = new Scale[axes];
        renderers = new TraceRenderer[axes];
        trackers = new RangeTracker[axes];
        double[] r = new double[2 * axes];
        java.util.Arrays.fill(r, Double.NaN);
        ranges = r;
        for (int a = 0; a < axes; a++) {
            values[a] = axis(a == 0 ? left : right);
            values[a].setSide(a == 0 ? Side.LEFT : Side.RIGHT);
            scales[a] = a == 0 ? leftScale : rightScale;
            trackers[a] = new RangeTracker(scales[a] == Scale.LOG);
            if (scales[a] == Scale.LOG) {
                values[a].setLogAxis(true);
                values[a].set(1e-6, 1);
            } else if (scales[a] == Scale.COSINE) {
                values[a].set(-1.05, 1.05);
            } else {
                values[a].set(-1, 1);
            }
            TraceRenderer renderer = new TraceRenderer();
            renderer.setErrorStyle(ErrorStyle.NONE);
            renderers[a] = renderer;
            if (a > 0) renderer.getAxes().add(values[a]);
        }
        chart = new CountingChart(time, values[0]);
        chart.setId(id);
        chart.getStyleClass().addAll("signal-chart", "time-chart");
        chart.setAnimated(false);
        chart.setTitle(title);
        // The legend lives inside the plot area (ChartLegend), so the plot keeps its height.
        HiddenLegend.hide(chart);
        // In a Group: sized to its own preferred size, never stretched over the plot by the foreground pane.
        javafx.scene.Group legendHolder = new javafx.scene.Group(legend);
        legendHolder.setManaged(false);
        legendHolder.setMouseTransparent(true);
        chart.getPlotForeground().getChildren().add(legendHolder);
        legendHolder.relocate(LEGEND_INSET, LEGEND_INSET);
        legend.prefWrapLengthProperty().bind(chart.getPlotForeground().widthProperty().subtract(2 * LEGEND_INSET));
        legend.maxWidthProperty().bind(chart.getPlotForeground().widthProperty().subtract(2 * LEGEND_INSET));
        chart.getPlotForeground().heightProperty().addListener((o, was, now) -> legend.plotHeight(now.doubleValue()));
        if (about != null && !about.isBlank()) {
            Tooltip tip = new Tooltip(about);
            tip.setShowDelay(javafx.util.Duration.millis(300));
            tip.setWrapText(true);
            tip.setMaxWidth(560);
            Tooltip.install(chart.getTitleLabel(), tip);
        }
        chart.getRenderers().setAll(renderers);
        renderers[0].drawGrid(new GridLines(chart));
        // ChartFX caches its canvases as bitmaps (cache = true): for canvases that change every frame the render
        // thread then drew each one twice, into the cache and the cache onto the screen (a canvas keeps its own
        // texture anyway). Without: the render thread's native samples for the canvases fell by a third.
        chart.getCanvas().setCache(false);
        time.getCanvas().setCache(false);
        for (DefaultNumericAxis v : values) v.getCanvas().setCache(false);
        RootStyle.watch(chart, this::themeChanged);
        // Room at both ends for the first and last tick labels (they were cut at the plot's edges).
        time.setAxisPadding(12);
        zoomer = new Zoomer(AxisMode.XY);
        zoomer.setPannerEnabled(true);
        zoomer.setSliderVisible(false);
        chart.getPlugins().addAll(zoomer, new CrosshairIndicator(), new DataPointTooltip());
    }

    /** The time axis' name: short, so that it fits under a narrow chart. */
    public static final String TIME_LABEL = "t (τ)";
    private static final double LEGEND_INSET = 4;

    /** Chart canvases repainted so far, all time charts together (FX thread writes; any thread reads). */
    private static volatile long repaints;

    /** How many times any time chart has repainted its canvas (for frames/s measurements). */
    public static long repaints() { return repaints; }

    /** An XYChart that counts its canvas repaints. */
    private static final class CountingChart extends XYChart {
        CountingChart(DefaultNumericAxis x, DefaultNumericAxis y) {
            super(x, y);
        }

        @Override
        protected void redrawCanvas() {
            repaints++; // FX thread only
            super.redrawCanvas();
        }
    }

    private static DefaultNumericAxis axis(String label) {
        DefaultNumericAxis a = new DefaultNumericAxis(label);
        a.setUnit(null); // the unit is in the label; ChartFX would append an empty "[]"
        TickLabels.apply(a);
        a.setAutoRanging(false);
        a.setAutoRangeRounding(false);
        a.setAnimated(false);
        return a;
    }

    /** Adds a line that never changes (FX thread, before the feeder starts or between drains). */
    public void addLine(Line line) {
        fixedLines.add(line);
        legend.show(fixedLines);
        fixed.add(new Series(dataSet(line), line, false, 0));
        publish(List.of());
    }

    /** Replaces the lines that follow the selection with these, taken from rows of selection {@code generation}. */
    public void setSelectionLines(List<Line> lines, long generation) {
        List<Series> slots = new ArrayList<>();
        for (Line l : lines) slots.add(new Series(dataSet(l), l, true, generation));
        List<Line> all = new ArrayList<>(fixedLines);
        all.addAll(lines);
        legend.show(all);
        publish(slots);
    }

    private CircularDoubleErrorDataSet dataSet(Line line) {
        CircularDoubleErrorDataSet d = new LinePoints(line.name(), LINE_CAPACITY);
        d.setStyle(style(line));
        return d;
    }

    private String style(Line line) {
        return Palette.style(dark ? Palette.onDark(line.colour()) : line.colour(), line.dash(),
                lecture ? Palette.LECTURE_LINE_WIDTH : Palette.LINE_WIDTH);
    }

    /** FX thread: the window's theme or lecture mode changed; lines are restyled by the feeder's next drain. */
    private void themeChanged(boolean dark, boolean lecture) {
        if (dark == this.dark && lecture == this.lecture) return;
        this.dark = dark;
        this.lecture = lecture;
        legend.setLook(dark, lecture);
        styleGeneration++;
    }

    /**
     * Feeder (or recording) thread: restyles the lines after a theme change. Off the FX thread like every other
     * write to the data sets (ChartFX 11.3 deadlocked on data-set writes from the FX thread).
     */
    void applyStyle() {
        long g = styleGeneration;
        if (g == appliedStyle) return;
        appliedStyle = g;
        for (Series s : series) s.data.setStyle(style(s.line));
    }

    private void publish(List<Series> slots) {
        List<Series> all = new ArrayList<>(fixed);
        all.addAll(slots);
        for (int a = 0; a < renderers.length; a++) {
            List<DataSet> onAxis = new ArrayList<>();
            for (Series s : all) if (s.axis == a) onAxis.add(s.data);
            renderers[a].getDatasets().setAll(onAxis);
        }
        series = all.toArray(new Series[0]);
    }

    Series[] series() { return series; }

    Scale scale(int axis) { return scales[axis]; }

    int axes() { return values.length; }

    public XYChart node() { return chart; }

    /** The legend inside the plot area. */
    public javafx.scene.layout.Region legend() { return legend; }

    public DefaultNumericAxis timeAxis() { return time; }

    public DefaultNumericAxis valueAxis(int a) { return values[a]; }

    /** Names of the lines, in legend order (FX thread). */
    public List<String> lineNames() {
        List<String> names = new ArrayList<>();
        for (Series s : series) names.add(s.data.getName());
        return names;
    }

    /** Whether the user has zoomed in: then the chart holds still instead of following the run. */
    public boolean isZoomed() { return !zoomer.zoomStackDeque().isEmpty(); }

    /** Device pixel columns of the plot area as last laid out (any thread). */
    int columns() { return columns; }

    /** FX thread: follows the run — x from latest − window to latest, y from the feeder's ranges. */
    void follow(double latest, double window) {
        double width = time.getWidth();
        if (width > 0) {
            javafx.stage.Window stage = chart.getScene() == null ? null : chart.getScene().getWindow();
            double scale = stage == null ? 1 : stage.getRenderScaleX();
            columns = (int) Math.max(16, Math.min(MAX_COLUMNS, Math.round(width * scale)));
        }
        if (isZoomed()) {
            double[] z = zoom;
            if (z == null || z[0] != time.getMin() || z[1] != time.getMax()) zoom = new double[] {time.getMin(), time.getMax()};
            return;
        }
        zoom = null;
        double hi = Math.max(latest, window);
        changed = false;
        setIfChanged(time, hi - window, hi);
        double[] r = ranges;
        // Keep the lines' tops below the legend in the plot's top-left corner.
        double plot = chart.getPlotForeground().getHeight();
        double clear = plot > 0 ? Math.min(0.45, (legend.getHeight() + 2 * LEGEND_INSET) / plot) : 0;
        for (int a = 0; a < values.length; a++) {
            double lo = r[2 * a];
            double up = r[2 * a + 1];
            DefaultNumericAxis axis = values[a];
            if (Double.isNaN(lo) || Double.isNaN(up)) {
                // Nothing to show yet (‖ΔW‖ before learning starts): the first layout had left a log axis at
                // 0…0, without a single tick label; keep its default decades instead.
                if (scales[a] == Scale.LOG && !(axis.getMin() > 0 && axis.getMax() > axis.getMin())) {
                    setIfChanged(axis, 1e-6, 1);
                }
                continue;
            }
            switch (scales[a]) {
                case COSINE -> setIfChanged(axis, -1.05, 1.05);
                case LOG -> {
                    double bottom = Math.pow(10, Math.floor(Math.log10(lo)));
                    double top = Math.pow(10, Math.ceil(Math.log10(up)));
                    if (top <= bottom) top = bottom * 10;
                    setIfChanged(axis, bottom, top);
                }
                case SYMMETRIC -> {
                    double m = Math.max(Math.max(Math.abs(lo), Math.abs(up)), 1e-12) * 1.1;
                    m /= Math.max(0.1, 1 - 2 * clear);
                    settle(axis, -m, m);
                }
                case LINEAR -> {
                    double span = up - lo;
                    double pad = span > 1e-9 ? 0.08 * span : Math.max(Math.abs(up) * 0.1, 1e-3);
                    double bottom = lo - pad;
                    double top = up + pad;
                    top += (top - bottom) * clear / (1 - clear);
                    settle(axis, bottom, top);
                }
            }
        }
        // A new range can need wider tick labels: lay the chart out again, or they are clipped.
        if (changedValueAxis) {
            for (DefaultNumericAxis v : values) v.requestLayout();
            chart.requestLayout();
        }
        changedValueAxis = false;
    }

    /** Grows at once; shrinks only when the data use less than 60 % of the axis, so the scale holds still. */
    private void settle(DefaultNumericAxis axis, double lo, double hi) {
        double min = axis.getMin();
        double max = axis.getMax();
        boolean contains = lo >= min && hi <= max;
        boolean tooWide = (hi - lo) < 0.6 * (max - min);
        if (!contains || tooWide) setIfChanged(axis, lo, hi);
    }

    private void setIfChanged(DefaultNumericAxis axis, double lo, double hi) {
        if (axis.getMin() != lo || axis.getMax() != hi) {
            axis.set(lo, hi);
            axis.requestAxisLayout();
            if (axis != time) changedValueAxis = true;
        }
    }

    /** Forgets every point (feeder thread: a reset of the run). */
    void clear() {
        for (Series s : series) s.data.reset();
        for (RangeTracker t : trackers) t.clear();
    }
}
