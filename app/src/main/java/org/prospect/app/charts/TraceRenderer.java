package org.prospect.app.charts;

import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.css.DataSetNode;
import io.fair_acc.dataset.DataSet;
import java.util.Arrays;
import javafx.scene.canvas.GraphicsContext;

/**
 * ChartFX's line renderer, except for noisy lines: a line whose points lie closer together than its width and go
 * up and down all the time (the loss, ‖ΔW‖ per step and the errors once learning has settled) is filled as the band
 * its stroke covers instead of being stroked.
 *
 * <p>Why: the software pipeline (Marlin) pays for every crossing of a path edge with every sub-pixel scanline, so a
 * stroked zigzag over the whole plot height at one point per pixel costs tens of times more than a smooth line, and
 * three such lines took most of a frame's rendering. The band is the same set of pixels: per pixel column, the
 * interval within half a line width of the polyline (round joins, evaluated at the column's centre), filled as
 * one rectangle per column whatever the noise. Smooth lines are stroked by ChartFX exactly as before. A dashed
 * noisy line is cut into dashes along x (along its length a zigzag's dashes are shorter than a pixel column anyway).
 */
final class TraceRenderer extends ErrorDataSetRenderer {
    /** A line is noisy when at least this share of its points turn (rise after falling or the reverse). */
    static final double NOISY_TURNS = 1.0 / 8;
    /** Changes smaller than this (pixels) are not turns: a flat line with rounding jitter is not noise. */
    private static final double TURN_PIXELS = 0.5;

    private static long bands;

    private double[] xs = new double[0];
    private double[] ys = new double[0];
    private double[] top = new double[0];
    private double[] bottom = new double[0];
    /** The chart's grid, drawn before this renderer's lines; null when another renderer (or nobody) draws it. */
    private GridLines grid;

    TraceRenderer() {
        setDrawMarker(false);
        setPointReduction(true);
        setAllowNaNs(true);
    }

    /** Draws this grid under the lines from now on (the chart's first renderer, so the grid lies under all of them). */
    void drawGrid(GridLines grid) { this.grid = grid; }

    @Override
    public void render() {
        if (grid != null) grid.draw();
        super.render();
    }

    /** Noisy lines filled as bands so far, all charts together (FX thread), for tests. */
    static long bands() { return bands; }

    @Override
    protected void render(GraphicsContext gc, DataSet data, DataSetNode style) {
        if (!drawBand(gc, data, style)) super.render(gc, data, style);
    }

    /** Fills the line as a band if it is noisy; false (nothing drawn) otherwise. */
    private boolean drawBand(GraphicsContext gc, DataSet data, DataSetNode style) {
        int count = data.getDataCount();
        double width = style.getLineWidth();
        if (count < 8 || !(width > 0)) return false;
        int from = Math.max(0, data.getIndex(DataSet.DIM_X, xMin) - 1);
        int to = Math.min(data.getIndex(DataSet.DIM_X, xMax) + 2, count);
        int n = to - from;
        if (n < 8) return false;
        double left = xAxis.getDisplayPosition(xMin);
        double right = xAxis.getDisplayPosition(xMax);
        if (!(n * width >= Math.abs(right - left))) return false; // sparser than one point per line width
        if (xs.length < n) {
            xs = new double[n];
            ys = new double[n];
        }
        for (int k = 0; k < n; k++) {
            double y = data.get(DataSet.DIM_Y, from + k);
            ys[k] = Double.isFinite(y) ? yAxis.getDisplayPosition(y) : Double.NaN;
            if (!Double.isFinite(ys[k])) ys[k] = Double.NaN;
        }
        if (!noisy(ys, n)) return false;
        // x only for lines drawn here: ChartFX computes its own for the others.
        for (int k = 0; k < n; k++) xs[k] = xAxis.getDisplayPosition(data.get(DataSet.DIM_X, from + k));
        gc.save();
        gc.setFill(style.getLineColor());
        double[] dashes = style.getLineDashes();
        int k = 0;
        while (k < n) {
            while (k < n && (Double.isNaN(ys[k]) || !Double.isFinite(xs[k]))) k++;
            int start = k;
            while (k < n && !Double.isNaN(ys[k]) && Double.isFinite(xs[k])) k++;
            if (k > start) fillRun(gc, start, k, width / 2, dashes);
        }
        gc.restore();
        bands++;
        return true;
    }

    /** Whether the first n screen y values (NaN: gaps) turn at at least {@link #NOISY_TURNS} of the points. */
    static boolean noisy(double[] ys, int n) {
        int turns = 0;
        double lastStep = 0;
        for (int k = 1; k < n; k++) {
            double step = ys[k] - ys[k - 1];
            if (Double.isNaN(step) || Math.abs(step) <= TURN_PIXELS) continue;
            if (step * lastStep < 0) turns++;
            lastStep = step;
        }
        return turns >= NOISY_TURNS * n;
    }

    /** Fills the band of points [start, end) (all finite), in dashes along x when the line has a dash pattern. */
    private void fillRun(GraphicsContext gc, int start, int end, double radius, double[] dashes) {
        double minX = Math.min(xs[start], xs[end - 1]);
        double maxX = Math.max(xs[start], xs[end - 1]);
        int first = (int) Math.floor(minX - radius);
        int last = (int) Math.ceil(maxX + radius);
        int columns = last - first + 1;
        if (columns <= 0 || columns > 1 << 16) return;
        if (top.length < columns) {
            top = new double[columns];
            bottom = new double[columns];
        }
        Arrays.fill(top, 0, columns, Double.POSITIVE_INFINITY);
        Arrays.fill(bottom, 0, columns, Double.NEGATIVE_INFINITY);
        if (end - start == 1) {
            cover(top, bottom, first, xs[start], ys[start], xs[start], ys[start], radius);
        }
        for (int k = start; k + 1 < end; k++) {
            cover(top, bottom, first, xs[k], ys[k], xs[k + 1], ys[k + 1], radius);
        }
        if (dashes == null || dashes.length == 0) {
            fillColumns(gc, first, 0, columns);
            return;
        }
        double pattern = 0;
        for (double d : dashes) pattern += d;
        if (!(pattern > 0)) {
            fillColumns(gc, first, 0, columns);
            return;
        }
        // Dash k covers [offset, offset + dashes[k]) along x from the run's left end; odd entries are gaps.
        double offset = 0;
        int dash = 0;
        while (offset < columns) {
            double length = dashes[dash % dashes.length];
            if (dash % 2 == 0) {
                int a = (int) Math.round(offset);
                int b = (int) Math.min(columns, Math.round(offset + length));
                if (b > a) fillColumns(gc, first, a, b);
            }
            offset += length;
            dash++;
        }
    }

    /**
     * Widens the columns' intervals by what the segment (x0, y0)–(x1, y1), drawn with round ends of this radius,
     * covers on each column's centre line: the extremes of y(x) ∓ √(r² − (x − c)²) over the segment's x within r
     * of the centre c, found where the derivative vanishes (the curve is convex) or at the ends of that range.
     */
    static void cover(double[] top, double[] bottom, int first, double x0, double y0, double x1, double y1,
                      double radius) {
        if (x1 < x0) {
            double t = x0;
            x0 = x1;
            x1 = t;
            t = y0;
            y0 = y1;
            y1 = t;
        }
        double dx = x1 - x0;
        double slope = dx > 1e-9 ? (y1 - y0) / dx : 0;
        double reach = dx > 1e-9 ? radius * slope / Math.sqrt(1 + slope * slope) : 0;
        int c0 = Math.max(first, (int) Math.floor(x0 - radius - 0.5));
        int c1 = Math.min(first + top.length - 1, (int) Math.ceil(x1 + radius - 0.5));
        double r2 = radius * radius;
        // Nothing the segment covers lies outside its bounding box widened by the radius: a column whose interval
        // already holds that (inside a dense noisy band, nearly every column) cannot be widened by it.
        double lowest = Math.min(y0, y1) - radius;
        double highest = Math.max(y0, y1) + radius;
        for (int c = c0; c <= c1; c++) {
            if (lowest >= top[c - first] && highest <= bottom[c - first]) continue;
            double centre = c + 0.5;
            double u = Math.max(x0, centre - radius);
            double v = Math.min(x1, centre + radius);
            if (u > v) continue;
            double up;
            double down;
            if (dx <= 1e-9) {
                double h = Math.sqrt(Math.max(0, r2 - (x0 - centre) * (x0 - centre)));
                up = Math.min(y0, y1) - h;
                down = Math.max(y0, y1) + h;
            } else {
                double xu = clamp(centre - reach, u, v);
                up = y0 + slope * (xu - x0) - Math.sqrt(Math.max(0, r2 - (xu - centre) * (xu - centre)));
                double xd = clamp(centre + reach, u, v);
                down = y0 + slope * (xd - x0) + Math.sqrt(Math.max(0, r2 - (xd - centre) * (xd - centre)));
            }
            int i = c - first;
            if (up < top[i]) top[i] = up;
            if (down > bottom[i]) bottom[i] = down;
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : Math.min(v, hi);
    }

    /**
     * Fills columns [a, b) (indices from {@code first}), each as a rectangle from its top to its bottom rounded to
     * whole pixels, neighbours of the same extent as one: the rasterizer fills an axis-aligned rectangle without
     * tracing edges (a polygon through the columns had two edges per column for it to cross on every sub-pixel
     * scanline), and one on whole pixels without blending partly covered edge pixels (a fractional rectangle took
     * twice as long in the software pipeline).
     */
    private void fillColumns(GraphicsContext gc, int first, int a, int b) {
        int c = a;
        while (c < b) {
            if (!(top[c] <= bottom[c])) {
                c++;
                continue;
            }
            double y0 = Math.rint(top[c]);
            double y1 = Math.max(y0 + 1, Math.rint(bottom[c]));
            int run = c + 1;
            while (run < b && top[run] <= bottom[run] && Math.rint(top[run]) == y0
                    && Math.max(y0 + 1, Math.rint(bottom[run])) == y1) {
                run++;
            }
            gc.fillRect(first + c, y0, run - c, y1 - y0);
            c = run;
        }
    }
}
