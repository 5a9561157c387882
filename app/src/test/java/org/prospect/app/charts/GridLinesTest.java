package org.prospect.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A time chart's grid: solid one-pixel lines at the major ticks, in the stylesheet's colour, under the lines. */
@ExtendWith(ApplicationExtension.class)
class GridLinesTest {
    private static final int POINTS = 400;
    private TimeChart chart;

    @Start
    void start(Stage stage) {
        chart = new TimeChart("grid-chart", "Grid", null, "value", TimeChart.Scale.LINEAR, null, null);
        chart.addLine(new TimeChart.Line("zero", Palette.RATE, 0, TimeChart.Source.MAIN, 0, 0));
        stage.setScene(new Scene(chart.node(), 640, 400));
        stage.show();
    }

    /** A flat line at 0 over t ∈ [0, 4), values from −1 to 1, drawn; then the chart canvas as pixels. */
    private PixelReader draw(FxRobot robot) throws Exception {
        double[] t = new double[POINTS];
        double[] zeros = new double[POINTS];
        for (int k = 0; k < POINTS; k++) t[k] = k * 0.01;
        chart.series()[0].data.add(t, zeros, zeros, zeros, POINTS);
        chart.ranges = new double[] {-1, 1};
        long repaints = TimeChart.repaints();
        robot.interact(() -> chart.follow(t[POINTS - 1], 4));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> TimeChart.repaints() > repaints);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.TRANSPARENT);
            image[0] = canvas().snapshot(p, null);
        });
        return image[0].getPixelReader();
    }

    private Canvas canvas() { return chart.node().getCanvas(); }

    private Color gridColour() {
        return (Color) chart.node().getGridRenderer().getHorizontalMajorGrid().getStroke();
    }

    /** Whole-pixel positions of an axis' major ticks inside [0, size). */
    private static List<Integer> ticks(Axis axis, double size) {
        List<Integer> at = new ArrayList<>();
        for (TickMark t : axis.getTickMarks()) {
            double p = Math.floor(axis.getDisplayPosition(t.getValue()));
            if (p >= 0 && p < size) at.add((int) p);
        }
        return at;
    }

    /** A pixel position in [0, size) at least 3 pixels from every one in {@code avoid}. */
    private static int awayFrom(List<Integer> avoid, int size) {
        for (int p = size / 3; p < size; p++) {
            int q = p;
            if (avoid.stream().allMatch(a -> Math.abs(a - q) >= 3)) return p;
        }
        throw new AssertionError("no position clear of " + avoid);
    }

    private static void assertColour(Color expected, Color actual, String where) {
        double tolerance = 1.5 / 255;
        assertTrue(Math.abs(expected.getRed() - actual.getRed()) <= tolerance
                && Math.abs(expected.getGreen() - actual.getGreen()) <= tolerance
                && Math.abs(expected.getBlue() - actual.getBlue()) <= tolerance
                && Math.abs(expected.getOpacity() - actual.getOpacity()) <= tolerance,
                where + ": expected " + expected + ", got " + actual);
    }

    @Test
    void eachValueTickIsASolidRowOfTheGridColour(FxRobot robot) throws Exception {
        PixelReader pixels = draw(robot);
        int width = (int) canvas().getWidth();
        int height = (int) canvas().getHeight();
        List<Integer> rows = ticks(chart.valueAxis(0), height);
        List<Integer> columns = ticks(chart.timeAxis(), width);
        int zero = (int) Math.floor(chart.valueAxis(0).getDisplayPosition(0));
        assertTrue(rows.size() >= 3, "ticks on the value axis: " + rows);
        for (int y : rows) {
            if (Math.abs(y - zero) < 3) continue; // the line lies over this one
            for (int x = 0; x < width; x++) {
                if (columns.contains(x)) continue;
                assertColour(gridColour(), pixels.getColor(x, y), "row " + y + ", column " + x);
            }
        }
        int between = awayFrom(rows, height);
        int x = awayFrom(columns, width);
        assertEquals(0, pixels.getColor(x, between).getOpacity(), 1e-9, "between two rows the canvas is clear");
    }

    @Test
    void eachTimeTickIsASolidColumnOfTheGridColour(FxRobot robot) throws Exception {
        PixelReader pixels = draw(robot);
        int width = (int) canvas().getWidth();
        int height = (int) canvas().getHeight();
        List<Integer> columns = ticks(chart.timeAxis(), width);
        int zero = (int) Math.floor(chart.valueAxis(0).getDisplayPosition(0));
        assertTrue(columns.size() >= 3, "ticks on the time axis: " + columns);
        Color vertical = (Color) chart.node().getGridRenderer().getVerticalMajorGrid().getStroke();
        for (int x : columns) {
            for (int y = 0; y < height; y++) {
                if (Math.abs(y - zero) < 3) continue;
                Color c = pixels.getColor(x, y);
                // Where a row crosses a column both are the grid colour.
                assertColour(vertical, c, "column " + x + ", row " + y);
            }
        }
    }

    @Test
    void theLinesAreDrawnOverTheGrid(FxRobot robot) throws Exception {
        PixelReader pixels = draw(robot);
        int zero = (int) Math.floor(chart.valueAxis(0).getDisplayPosition(0));
        assertTrue(ticks(chart.valueAxis(0), canvas().getHeight()).contains(zero), "0 is a tick");
        Color line = Color.web(Palette.RATE);
        // Everywhere along it, the grid's crossing columns included (a grid on top would cut it at each).
        int width = (int) canvas().getWidth();
        for (int x = 4; x < width - 4; x++) assertColour(line, pixels.getColor(x, zero), "the line at 0, column " + x);
    }

    @Test
    void chartFxDrawsNoGridOfItsOwn() {
        assertFalse(chart.node().getGridRenderer().getHorizontalMajorGrid().isVisible());
        assertFalse(chart.node().getGridRenderer().getVerticalMajorGrid().isVisible());
    }
}
