package org.prospect.app.views;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.CircularDoubleErrorDataSet;
import io.fair_acc.dataset.utils.DataSetStyleBuilder;
import java.util.ArrayList;
import java.util.List;
import org.prospect.app.charts.HiddenLegend;
import org.prospect.app.charts.TickLabels;

/**
 * A ChartFX line chart for the extra views (comparison, MNIST-1D). As in the dashboard, points are only ever
 * added in bulk from a feeder thread (ChartFX 11.3 deadlocked when the FX thread added them); the feeder also
 * works out the axis ranges ({@link #computeRanges}) and the FX thread only applies them ({@link #follow}).
 */
public final class LiveChart {
    public enum Scale { LINEAR, LOG }

    private final XYChart chart;
    private final DefaultNumericAxis xAxis;
    private final DefaultNumericAxis yAxis;
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private final ErrorDataSetRenderer markerRenderer = new ErrorDataSetRenderer();
    private final List<CircularDoubleErrorDataSet> plain = new ArrayList<>();
    private final List<CircularDoubleErrorDataSet> marked = new ArrayList<>();
    private final Scale scale;
    private final int capacity;
    private final List<CircularDoubleErrorDataSet> lines = new ArrayList<>();
    private volatile double[] ranges = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    private double fixedYMin = Double.NaN;
    private double fixedYMax = Double.NaN;

    public LiveChart(String id, String title, String xLabel, String yLabel, Scale scale, int capacity) {
        this.scale = scale;
        this.capacity = capacity;
        xAxis = axis(xLabel);
        xAxis.setSide(Side.BOTTOM);
        yAxis = axis(yLabel);
        yAxis.setSide(Side.LEFT);
        if (scale == Scale.LOG) {
            yAxis.setLogAxis(true);
            yAxis.set(1e-6, 1);
        } else {
            yAxis.set(-1, 1);
        }
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        renderer.setPointReduction(true);
        renderer.setAllowNaNs(true);
        markerRenderer.setErrorStyle(ErrorStyle.NONE);
        markerRenderer.setDrawMarker(true);
        markerRenderer.setAllowNaNs(true);
        chart = new XYChart(xAxis, yAxis);
        chart.setId(id);
        chart.getStyleClass().addAll("signal-chart", "time-chart", "live-chart");
        chart.setAnimated(false);
        chart.setTitle(title);
        chart.setLegendVisible(true);
        chart.getRenderers().setAll(renderer, markerRenderer);
        chart.getPlugins().add(new DataPointTooltip());
        chart.setMinSize(0, 0);
        chart.setPrefSize(400, 300);
    }

    private static DefaultNumericAxis axis(String label) {
        DefaultNumericAxis a = new DefaultNumericAxis(label);
        a.setUnit(null);
        TickLabels.apply(a);
        a.setAutoRanging(false);
        a.setAutoRangeRounding(false);
        a.setAnimated(false);
        return a;
    }

    /** Adds a line (FX thread, before the feeder starts); returns its index. */
    public int addLine(String name, String colour, int dash, double width) {
        return addLine(name, colour, dash, width, false);
    }

    /** Adds a line, with a marker at every point if asked (e.g. one point per epoch); returns its index. */
    public int addLine(String name, String colour, int dash, double width, boolean markers) {
        CircularDoubleErrorDataSet d = new CircularDoubleErrorDataSet(name, capacity);
        d.setStyle(style(colour, dash, width, markers));
        lines.add(d);
        (markers ? marked : plain).add(d);
        renderer.getDatasets().setAll(new ArrayList<DataSet>(plain));
        markerRenderer.getDatasets().setAll(new ArrayList<DataSet>(marked));
        return lines.size() - 1;
    }

    static String style(String colour, int dash, double width, boolean markers) {
        DataSetStyleBuilder b = DataSetStyleBuilder.newInstance().setDatasetColor(colour).setLineColor(colour)
                .setMarkerColor(colour).setLineWidth(width).setMarkerSize(markers ? 5 : 0);
        double[] d = LearnerPalette.dashes(dash);
        if (d.length > 0) b.setLineDashes(d);
        return b.build();
    }

    /** Hides ChartFX's legend, layout room included ({@link HiddenLegend}). */
    public void hideLegend() { HiddenLegend.hide(chart); }

    /** Fixes the y range (e.g. [0, 1] for accuracies) instead of following the data. */
    public void fixY(double min, double max) {
        fixedYMin = min;
        fixedYMax = max;
        yAxis.set(min, max);
    }

    public int lineCount() { return lines.size(); }

    public CircularDoubleErrorDataSet line(int i) { return lines.get(i); }

    public List<CircularDoubleErrorDataSet> lines() { return List.copyOf(lines); }

    public List<String> lineNames() {
        List<String> names = new ArrayList<>();
        for (CircularDoubleErrorDataSet d : lines) names.add(d.getName());
        return names;
    }

    public int capacity() { return capacity; }

    /** Feeder thread: appends n points to line i. */
    public void add(int i, double[] xs, double[] ys, double[] zeros, int n) {
        if (n > 0) lines.get(i).add(xs, ys, zeros, zeros, n);
    }

    /** Feeder thread: forgets every point. */
    public void clear() {
        for (CircularDoubleErrorDataSet d : lines) d.reset();
    }

    /**
     * Feeder thread: the y range of the points with x in [from, to] (the whole x extent of the data when
     * {@code from} is −∞), and the x range to show: [from, to] if both are finite, else the data's extent.
     */
    public void computeRanges(double from, double to) {
        double xlo = Double.POSITIVE_INFINITY;
        double xhi = Double.NEGATIVE_INFINITY;
        double ylo = Double.POSITIVE_INFINITY;
        double yhi = Double.NEGATIVE_INFINITY;
        for (CircularDoubleErrorDataSet d : lines) {
            double[] r = d.lock().readLockGuard(() -> {
                double a = Double.POSITIVE_INFINITY;
                double b = Double.NEGATIVE_INFINITY;
                double c = Double.POSITIVE_INFINITY;
                double e = Double.NEGATIVE_INFINITY;
                for (int k = 0, n = d.getDataCount(); k < n; k++) {
                    double x = d.get(DataSet.DIM_X, k);
                    double y = d.get(DataSet.DIM_Y, k);
                    if (!(x >= from && x <= to)) continue;
                    a = Math.min(a, x);
                    b = Math.max(b, x);
                    if (!Double.isFinite(y) || (scale == Scale.LOG && !(y > 0))) continue;
                    c = Math.min(c, y);
                    e = Math.max(e, y);
                }
                return new double[] {a, b, c, e};
            });
            xlo = Math.min(xlo, r[0]);
            xhi = Math.max(xhi, r[1]);
            ylo = Math.min(ylo, r[2]);
            yhi = Math.max(yhi, r[3]);
        }
        boolean window = Double.isFinite(from) && Double.isFinite(to);
        ranges = new double[] {window ? from : xlo, window ? to : xhi, ylo <= yhi ? ylo : Double.NaN,
            ylo <= yhi ? yhi : Double.NaN};
    }

    /** FX thread: applies the ranges the feeder worked out. */
    public void follow() {
        double[] r = ranges;
        if (Double.isFinite(r[0]) && Double.isFinite(r[1])) {
            double hi = r[1] > r[0] ? r[1] : r[0] + 1;
            setIfChanged(xAxis, r[0], hi);
        }
        if (!Double.isNaN(fixedYMin)) return;
        if (Double.isNaN(r[2])) return;
        if (scale == Scale.LOG) {
            double bottom = Math.pow(10, Math.floor(Math.log10(r[2])));
            double top = Math.pow(10, Math.ceil(Math.log10(r[3])));
            if (top <= bottom) top = bottom * 10;
            setIfChanged(yAxis, bottom, top);
        } else {
            double span = r[3] - r[2];
            double pad = span > 1e-9 ? 0.08 * span : Math.max(Math.abs(r[3]) * 0.1, 1e-3);
            double lo = r[2] - pad;
            double hi = r[3] + pad;
            // Grow at once, shrink only when the data use less than 60 % of the axis: the scale holds still.
            boolean contains = lo >= yAxis.getMin() && hi <= yAxis.getMax();
            boolean tooWide = (hi - lo) < 0.6 * (yAxis.getMax() - yAxis.getMin());
            if (!contains || tooWide) setIfChanged(yAxis, lo, hi);
        }
    }

    private void setIfChanged(DefaultNumericAxis axis, double lo, double hi) {
        if (axis.getMin() != lo || axis.getMax() != hi) {
            axis.set(lo, hi);
            axis.requestAxisLayout();
            chart.requestLayout();
        }
    }

    public XYChart node() { return chart; }

    public DefaultNumericAxis xAxis() { return xAxis; }

    public DefaultNumericAxis yAxis() { return yAxis; }
}
