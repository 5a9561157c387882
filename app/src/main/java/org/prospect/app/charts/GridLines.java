package org.prospect.app.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import io.fair_acc.chartfx.renderer.spi.GridRenderer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;

/**
 * A time chart's major grid, drawn as solid lines one pixel wide on whole pixels, under the lines, in the colours
 * the stylesheets give ChartFX's grid ({@code .chart-major-grid-lines}), whose own grid it replaces.
 *
 * <p>Why: ChartFX's {@link GridRenderer} fills every grid line, dashed or not, with a repeating image pattern, and
 * the software pipeline draws a pattern texel by texel: 8 % of the render thread's samples in the live dashboard
 * at speed max, against a plain fill per line here. Under the lines, because a solid grid on top would cut through
 * every trace at every tick.
 */
final class GridLines {
    private final XYChart chart;

    /** Takes over the chart's major grid lines (ChartFX's are hidden from now on). */
    GridLines(XYChart chart) {
        this.chart = chart;
        GridRenderer own = chart.getGridRenderer();
        // Programmatic values win over ChartFX's chart.css (a user-agent stylesheet); ours leave visibility alone.
        own.getHorizontalMajorGrid().setVisible(false);
        own.getVerticalMajorGrid().setVisible(false);
    }

    /** Draws the grid onto the chart's canvas (FX thread, after ChartFX has cleared it, before the lines). */
    void draw() {
        Canvas canvas = chart.getCanvas();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        if (!(width > 0 && height > 0)) return;
        GridRenderer own = chart.getGridRenderer();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.save();
        gc.setGlobalAlpha(1);
        rows(gc, chart.getYAxis(), own.getHorizontalMajorGrid().getStroke(), width, height);
        columns(gc, chart.getXAxis(), own.getVerticalMajorGrid().getStroke(), width, height);
        gc.restore();
    }

    private static void rows(GraphicsContext gc, Axis axis, Paint colour, double width, double height) {
        if (axis == null || colour == null) return;
        gc.setFill(colour);
        for (TickMark t : axis.getTickMarks()) {
            double y = Math.floor(axis.getDisplayPosition(t.getValue()));
            if (y >= 0 && y < height) gc.fillRect(0, y, width, 1);
        }
    }

    private static void columns(GraphicsContext gc, Axis axis, Paint colour, double width, double height) {
        if (axis == null || colour == null) return;
        gc.setFill(colour);
        for (TickMark t : axis.getTickMarks()) {
            double x = Math.floor(axis.getDisplayPosition(t.getValue()));
            if (x >= 0 && x < width) gc.fillRect(x, 0, 1, height);
        }
    }
}
