package org.prospect.app.charts;

import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * Lays the dashboard out: the side column (controls and network view, clipped to its cell, never drawn
 * over the charts) on the left, the charts in a grid to its right whose column count follows the width —
 * three columns (3×2) when each chart still gets {@link #minChartWidth()}, else two (2×3), else one. In
 * lecture mode (the scene root has the style class {@code lecture}) charts need more room, so the grid
 * switches to fewer columns earlier.
 */
final class DashboardGrid extends Region {
    static final double MIN_CHART_WIDTH = 340;
    static final double MIN_CHART_WIDTH_LECTURE = 400;
    static final double MIN_TWO_COLUMN_WIDTH = 300;
    private final Region side;
    private final List<? extends Region> charts;
    private final ReadOnlyIntegerWrapper columns = new ReadOnlyIntegerWrapper(3);
    private final ListChangeListener<String> rootClasses = c -> requestLayout();
    private final Rectangle sideClip = new Rectangle();

    DashboardGrid(Region side, List<? extends Region> charts) {
        this.side = side;
        this.charts = charts;
        getStyleClass().add("dashboard-grid");
        getChildren().add(side);
        getChildren().addAll(charts);
        side.setClip(sideClip);
        // Lecture mode changes the room charts need: lay out again when the root's style classes change.
        sceneProperty().addListener((o, was, now) -> {
            if (was != null && was.getRoot() != null) was.getRoot().getStyleClass().removeListener(rootClasses);
            if (now != null && now.getRoot() != null) now.getRoot().getStyleClass().addListener(rootClasses);
        });
    }

    /** Charts per row, as last laid out. */
    ReadOnlyIntegerProperty columnsProperty() { return columns.getReadOnlyProperty(); }

    boolean lecture() {
        Scene s = getScene();
        return s != null && s.getRoot() != null && s.getRoot().getStyleClass().contains("lecture");
    }

    double minChartWidth() { return lecture() ? MIN_CHART_WIDTH_LECTURE : MIN_CHART_WIDTH; }

    /** Width of the side column for a dashboard this wide. */
    double sideWidth(double width) {
        double lo = lecture() ? 260 : 220;
        double hi = lecture() ? 400 : 340;
        return Math.max(lo, Math.min(hi, 0.18 * width));
    }

    /** Columns of charts for a dashboard this wide. */
    int columnsFor(double width) {
        double room = width - sideWidth(width);
        double min = minChartWidth();
        if (room >= 3 * min) return 3;
        // Two columns down to 300 px each (lecture mode too): six rows of charts would be too short to read.
        if (room >= 2 * MIN_TWO_COLUMN_WIDTH) return 2;
        return 1;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x0 = in.getLeft();
        double y0 = in.getTop();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        double sw = sideWidth(w);
        int cols = columnsFor(w);
        int rows = (charts.size() + cols - 1) / cols;
        columns.set(cols);
        side.resizeRelocate(x0, y0, sw, h);
        sideClip.setWidth(sw);
        sideClip.setHeight(h);
        double cw = (w - sw) / cols;
        double ch = h / rows;
        for (int k = 0; k < charts.size(); k++) {
            int c = k % cols;
            int r = k / cols;
            // Whole pixels: sharp axis lines and no seams between cells.
            double x = Math.round(x0 + sw + c * cw);
            double y = Math.round(y0 + r * ch);
            double x1 = Math.round(x0 + sw + (c + 1) * cw);
            double y1 = Math.round(y0 + (r + 1) * ch);
            charts.get(k).resizeRelocate(x, y, x1 - x, y1 - y);
        }
    }

    @Override protected double computeMinWidth(double height) { return 0; }

    @Override protected double computeMinHeight(double width) { return 0; }

    @Override protected double computePrefWidth(double height) { return 1280; }

    @Override protected double computePrefHeight(double width) { return 640; }
}
