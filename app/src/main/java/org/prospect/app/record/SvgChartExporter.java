package org.prospect.app.record;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import io.fair_acc.dataset.DataSet;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes ChartFX XY charts as SVG for papers: one polyline per data set, and the title, axis names, tick
 * labels and legend as {@code <text>} (selectable, searchable, editable in a vector editor). Always the
 * light print theme — black text on white, the light theme's series colours — whatever the window shows.
 * Reads the axes' ranges and tick marks as the chart last laid them out (computing ticks itself when the
 * chart has not been laid out), and the data sets under their read locks.
 */
public final class SvgChartExporter {
    /** The light theme's series colours (assets/prospect.css), in data-set order. */
    static final String[] PALETTE = {"#7a7a7a", "#e66100", "#1a5fb4", "#26a269", "#9141ac", "#c01c28"};
    private static final String FONT = "Helvetica, Arial, sans-serif";
    private static final double CELL_WIDTH = 960;
    private static final double CELL_HEIGHT = 540;

    private SvgChartExporter() {}

    /** Call on the FX thread (axes are scene-graph state). Several charts go in a grid, in order. */
    public static void write(List<XYChart> charts, Writer out) throws IOException {
        if (charts.isEmpty()) throw new IllegalArgumentException("this view has no chart to export as SVG");
        int columns = (int) Math.ceil(Math.sqrt(charts.size()));
        int rows = (int) Math.ceil(charts.size() / (double) columns);
        double width = columns * CELL_WIDTH;
        double height = rows * CELL_HEIGHT;
        StringBuilder svg = new StringBuilder(1 << 16);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\" font-family=\"%s\">\n",
                n(width), n(height), n(width), n(height), FONT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%s\" height=\"%s\" fill=\"white\"/>\n", n(width), n(height)));
        for (int i = 0; i < charts.size(); i++) {
            double x0 = (i % columns) * CELL_WIDTH;
            double y0 = (i / columns) * CELL_HEIGHT;
            chart(svg, charts.get(i), i, x0, y0, CELL_WIDTH, CELL_HEIGHT);
        }
        svg.append("</svg>\n");
        out.write(svg.toString());
    }

    private static void chart(StringBuilder svg, XYChart chart, int index, double x0, double y0, double w, double h) {
        List<Series> series = new ArrayList<>();
        for (DataSet ds : chart.getAllDatasets()) series.add(Series.read(ds));
        Axis xAxis = chart.getXAxis();
        Axis yAxis = chart.getYAxis();
        double[] xr = range(xAxis, series, true);
        double[] yr = range(yAxis, series, false);

        double left = x0 + 96;
        double right = x0 + w - 28;
        double top = y0 + 96;
        double bottom = y0 + h - 78;
        String id = "plot" + index;
        svg.append(String.format(Locale.ROOT, "<g id=\"chart%d\">\n", index));
        String title = chart.getTitle();
        if (title != null && !title.isBlank()) {
            text(svg, (left + right) / 2, y0 + 34, "middle", 22, "bold", title, null);
        }
        // Legend: a row under the title.
        double lx = left;
        for (int s = 0; s < series.size(); s++) {
            String color = PALETTE[s % PALETTE.length];
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"3.5\"/>\n",
                    n(lx), n(y0 + 64), n(lx + 30), n(y0 + 64), color));
            text(svg, lx + 38, y0 + 70, "start", 17, null, series.get(s).name, "legend");
            lx += 38 + 10 * series.get(s).name.length() + 36;
        }
        // Plot frame, grid and ticks.
        svg.append(String.format(Locale.ROOT,
                "<clipPath id=\"%s\"><rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"/></clipPath>\n",
                id, n(left), n(top), n(right - left), n(bottom - top)));
        for (Tick t : ticks(xAxis, xr)) {
            double px = left + (t.value - xr[0]) / (xr[1] - xr[0]) * (right - left);
            line(svg, px, top, px, bottom, "#dddddd", 1);
            line(svg, px, bottom, px, bottom + 6, "#222222", 1.2);
            text(svg, px, bottom + 26, "middle", 16, null, t.text, "tick");
        }
        for (Tick t : ticks(yAxis, yr)) {
            double py = bottom - (t.value - yr[0]) / (yr[1] - yr[0]) * (bottom - top);
            line(svg, left, py, right, py, "#dddddd", 1);
            line(svg, left - 6, py, left, py, "#222222", 1.2);
            text(svg, left - 10, py + 5.5, "end", 16, null, t.text, "tick");
        }
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"none\" stroke=\"#222222\" stroke-width=\"1.2\"/>\n",
                n(left), n(top), n(right - left), n(bottom - top)));
        text(svg, (left + right) / 2, bottom + 60, "middle", 18, null, axisLabel(xAxis), "axis-label");
        double cy = (top + bottom) / 2;
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-size=\"18\" fill=\"#111111\" class=\"axis-label\" transform=\"rotate(-90 %s %s)\">%s</text>\n",
                n(x0 + 26), n(cy), n(x0 + 26), n(cy), escape(axisLabel(yAxis))));
        // Data.
        svg.append(String.format(Locale.ROOT, "<g clip-path=\"url(#%s)\" fill=\"none\" stroke-width=\"2.5\" stroke-linejoin=\"round\">\n", id));
        for (int s = 0; s < series.size(); s++) {
            Series d = series.get(s);
            String color = PALETTE[s % PALETTE.length];
            StringBuilder points = new StringBuilder();
            for (int k = 0; k <= d.x.length; k++) {
                boolean ok = k < d.x.length && Double.isFinite(d.x[k]) && Double.isFinite(d.y[k]);
                if (ok) {
                    double px = left + (d.x[k] - xr[0]) / (xr[1] - xr[0]) * (right - left);
                    double py = bottom - (d.y[k] - yr[0]) / (yr[1] - yr[0]) * (bottom - top);
                    points.append(n(px)).append(',').append(n(py)).append(' ');
                } else if (points.length() > 0) {
                    svg.append("<polyline stroke=\"").append(color).append("\" points=\"")
                            .append(points.toString().trim()).append("\"/>\n");
                    points.setLength(0);
                }
            }
        }
        svg.append("</g>\n</g>\n");
    }

    private record Series(String name, double[] x, double[] y) {
        static Series read(DataSet ds) {
            return ds.lock().readLockGuard(() -> {
                int count = ds.getDataCount();
                double[] x = new double[count];
                double[] y = new double[count];
                for (int i = 0; i < count; i++) {
                    x[i] = ds.get(DataSet.DIM_X, i);
                    y[i] = ds.get(DataSet.DIM_Y, i);
                }
                return new Series(ds.getName() == null ? "" : ds.getName(), x, y);
            });
        }
    }

    private record Tick(double value, String text) {}

    /** The axis's range as laid out, or the data's when the axis has none yet. */
    private static double[] range(Axis axis, List<Series> series, boolean isX) {
        double min = axis.getMin();
        double max = axis.getMax();
        if (!(Double.isFinite(min) && Double.isFinite(max) && max > min)) {
            min = Double.POSITIVE_INFINITY;
            max = Double.NEGATIVE_INFINITY;
            for (Series s : series) {
                for (double v : isX ? s.x : s.y) {
                    if (Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
            if (!(max > min)) {
                min = Double.isFinite(min) ? min - 1 : 0;
                max = min + 2;
            }
        }
        return new double[] {min, max};
    }

    private static List<Tick> ticks(Axis axis, double[] range) {
        List<Tick> ticks = new ArrayList<>();
        for (TickMark t : axis.getTickMarks()) {
            double v = t.getValue();
            if (t.getText() != null && !t.getText().isBlank() && v >= range[0] - 1e-9 * Math.abs(range[1] - range[0])
                    && v <= range[1] + 1e-9 * Math.abs(range[1] - range[0])) {
                ticks.add(new Tick(v, t.getText()));
            }
        }
        if (ticks.size() >= 2) return ticks;
        ticks.clear();
        double step = niceStep((range[1] - range[0]) / 6);
        int digits = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        for (double v = Math.ceil(range[0] / step) * step; v <= range[1] + 1e-9 * step; v += step) {
            double rounded = Math.abs(v) < step * 1e-9 ? 0 : v;
            ticks.add(new Tick(rounded, String.format(Locale.ROOT, "%." + digits + "f", rounded)));
        }
        return ticks;
    }

    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        return nice * magnitude;
    }

    private static String axisLabel(Axis axis) {
        String name = axis.getName() == null ? "" : axis.getName();
        String unit = axis.getUnit();
        return unit == null || unit.isBlank() ? name : name + " [" + unit + "]";
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String color, double width) {
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>\n",
                n(x1), n(y1), n(x2), n(y2), color, n(width)));
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, double size, String weight, String text,
                             String cls) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\" font-size=\"%s\" fill=\"#111111\"",
                n(x), n(y), anchor, n(size)));
        if (weight != null) svg.append(" font-weight=\"").append(weight).append('"');
        if (cls != null) svg.append(" class=\"").append(cls).append('"');
        svg.append('>').append(escape(text)).append("</text>\n");
    }

    private static String n(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') b.append(c);
                }
            }
        }
        return b.toString();
    }
}
