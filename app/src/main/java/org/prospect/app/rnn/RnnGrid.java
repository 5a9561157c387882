package org.prospect.app.rnn;

import java.util.List;
import javafx.scene.layout.Region;
import org.prospect.app.charts.ChartColumns;
import org.prospect.app.charts.RootStyle;

/**
 * Lays the RNN dashboard's cells out in rows: three columns (the weights' heat maps beside the taps, over two
 * columns), two (the heat maps then get a row of their own) or one, by {@link ChartColumns}. A row is never lower than {@link #minRowHeight()}: the grid then asks for
 * that height and its scroll pane scrolls. Why: with three equal columns and three rows of a third each, a
 * 1024×768 projector left the left column's charts 200 px wide, their legends stacked one entry a row under
 * them, and no plot at all.
 */
final class RnnGrid extends Region {
    /**
     * Title, time axis and a two-row legend take about 150 px of a chart (190 in lecture mode), so plots keep
     * about 100. The lecture floor is what 1920×1080 gives each of three rows, so a full-HD projector never scrolls.
     */
    static final double MIN_ROW_HEIGHT = 270;
    static final double MIN_ROW_HEIGHT_LECTURE = 290;
    private static final double GAP = 4;
    private final List<? extends Region> cells;
    private final Region weights;
    private boolean lecture;
    private int columns = 3;

    /** {@code cells} fill the rows in order; {@code weights} (the heat maps) comes last and is wider. */
    RnnGrid(List<? extends Region> cells, Region weights) {
        this.cells = cells;
        this.weights = weights;
        getStyleClass().add("dashboard-grid");
        getChildren().addAll(cells);
        getChildren().add(weights);
        // Lecture mode needs wider cells and higher rows: lay out again when it changes.
        RootStyle.watch(this, (dark, lecture) -> {
            this.lecture = lecture;
            requestLayout();
        });
    }

    double minRowHeight() { return lecture ? MIN_ROW_HEIGHT_LECTURE : MIN_ROW_HEIGHT; }

    /** Columns for a grid this wide. */
    int columnsFor(double width) { return ChartColumns.forWidth(width, lecture); }

    /** Columns as last laid out. */
    int columns() { return columns; }

    /** Rows for this many columns: three columns end with the taps and the heat maps side by side. */
    private int rows(int cols) {
        if (cols == 3) return (cells.size() + 2 + cols - 1) / cols;
        return (cells.size() + cols - 1) / cols + 1;
    }

    @Override
    protected double computeMinHeight(double width) {
        double w = width > 0 ? width : getWidth();
        int cols = columnsFor(w);
        int rows = rows(cols);
        return snappedTopInset() + rows * minRowHeight() + (rows - 1) * GAP + snappedBottomInset();
    }

    @Override protected double computePrefHeight(double width) { return computeMinHeight(width); }

    @Override protected double computeMinWidth(double height) { return 0; }

    @Override protected double computePrefWidth(double height) { return 1200; }

    @Override
    protected void layoutChildren() {
        double x0 = snappedLeftInset();
        double y0 = snappedTopInset();
        double w = getWidth() - x0 - snappedRightInset();
        double h = getHeight() - y0 - snappedBottomInset();
        int cols = columnsFor(w);
        columns = cols;
        int rows = rows(cols);
        double cw = (w - (cols - 1) * GAP) / cols;
        double rh = Math.max(minRowHeight(), (h - (rows - 1) * GAP) / rows);
        for (int k = 0; k < cells.size(); k++) place(cells.get(k), x0, y0, cw, rh, k % cols, k / cols, 1);
        if (cols == 3) {
            int k = cells.size();
            place(weights, x0, y0, cw, rh, k % cols, k / cols, cols - k % cols);
        } else {
            place(weights, x0, y0, cw, rh, 0, rows - 1, cols);
        }
    }

    private static void place(Region r, double x0, double y0, double cw, double rh, int col, int row, int span) {
        // Whole pixels: sharp axis lines and no seams between cells.
        double x = Math.round(x0 + col * (cw + GAP));
        double y = Math.round(y0 + row * (rh + GAP));
        double x1 = Math.round(x0 + (col + span) * (cw + GAP) - GAP);
        double y1 = Math.round(y0 + (row + 1) * (rh + GAP) - GAP);
        r.resizeRelocate(x, y, x1 - x, y1 - y);
    }
}
