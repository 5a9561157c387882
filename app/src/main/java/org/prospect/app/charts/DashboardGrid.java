package org.prospect.app.charts;

import io.fair_acc.chartfx.XYChart;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * Lays the dashboard out: the side column (controls and network view, clipped to its cell, never drawn
 * over the charts) on the left, the charts in a grid to its right whose column count follows the width —
 * three columns (3×2), two (2×3) or one by {@link ChartColumns}. In
 * lecture mode (the scene root has the style class {@code lecture}) charts need more room, so the grid
 * switches to fewer columns earlier. A chart is never shorter than {@link #minChartHeight()}: on a small
 * screen (a 1024×768 projector) the rows that do not fit are scrolled to, with the scroll bar at the right,
 * the mouse wheel outside the plots (over a plot it zooms) or Page Up / Page Down; the side column stays.
 */
final class DashboardGrid extends Region {
    private final Region side;
    private final List<? extends Region> charts;
    private final ReadOnlyIntegerWrapper columns = new ReadOnlyIntegerWrapper(3);
    private boolean lecture;
    private final Rectangle sideClip = new Rectangle();
    private final Rectangle chartsClip = new Rectangle();
    private final ScrollBar scroll = new ScrollBar();
    private final EventHandler<KeyEvent> pageKeys = this::pageKey;
    /** Where the charts begin (the side column's right edge), as last laid out. */
    private double chartsLeft;

    DashboardGrid(Region side, List<? extends Region> charts) {
        this.side = side;
        this.charts = charts;
        getStyleClass().add("dashboard-grid");
        getChildren().add(side);
        getChildren().addAll(charts);
        side.setClip(sideClip);
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.setId("dashboard-scroll");
        scroll.setVisible(false);
        scroll.valueProperty().addListener((o, was, now) -> requestLayout());
        getChildren().add(scroll);
        // Over a plot the wheel zooms (ChartFX's zoomer); elsewhere over the charts (titles, axes) it scrolls. A
        // filter, because the chart's zoomer consumes the wheel anywhere over its chart.
        addEventFilter(ScrollEvent.SCROLL, e -> {
            if (!scroll.isVisible() || e.getDeltaY() == 0 || e.getX() < chartsLeft || overPlot(e)) return;
            scrollBy(-e.getDeltaY());
            e.consume();
        });
        // Lecture mode changes the room charts need: lay out again when it changes.
        RootStyle.watch(this, (dark, lecture) -> {
            this.lecture = lecture;
            requestLayout();
        });
        sceneProperty().addListener((o, was, now) -> {
            if (was != null) was.removeEventHandler(KeyEvent.KEY_PRESSED, pageKeys);
            if (now != null) now.addEventHandler(KeyEvent.KEY_PRESSED, pageKeys);
        });
    }

    /** Whether the wheel turned over one of the charts' plot areas (where it zooms). */
    private boolean overPlot(ScrollEvent e) {
        for (Region chart : charts) {
            if (!(chart instanceof XYChart xy)) continue;
            Region plot = xy.getPlotForeground();
            if (plot.contains(plot.sceneToLocal(e.getSceneX(), e.getSceneY()))) return true;
        }
        return false;
    }

    private void pageKey(KeyEvent e) {
        if (!scroll.isVisible() || !isVisible() || getScene() == null) return;
        if (getScene().getFocusOwner() instanceof TextInputControl) return;
        if (e.getCode() == KeyCode.PAGE_DOWN) {
            scrollBy(scroll.getBlockIncrement());
        } else if (e.getCode() == KeyCode.PAGE_UP) {
            scrollBy(-scroll.getBlockIncrement());
        } else {
            return;
        }
        e.consume();
    }

    private void scrollBy(double pixels) {
        scroll.setValue(Math.max(scroll.getMin(), Math.min(scroll.getMax(), scroll.getValue() + pixels)));
    }

    /** How far the charts are scrolled down (pixels; 0 when they all fit). */
    double scrolled() { return scroll.isVisible() ? scroll.getValue() : 0; }

    /** The scroll bar (visible only when the charts do not all fit). */
    ScrollBar scrollBar() { return scroll; }

    /** Charts per row, as last laid out. */
    ReadOnlyIntegerProperty columnsProperty() { return columns.getReadOnlyProperty(); }

    boolean lecture() { return lecture; }

    double minChartHeight() { return ChartColumns.minHeight(lecture()); }

    /** Width of the side column for a dashboard this wide. */
    double sideWidth(double width) {
        double lo = lecture() ? 260 : 220;
        double hi = lecture() ? 400 : 340;
        return Math.max(lo, Math.min(hi, 0.18 * width));
    }

    /** Columns of charts for a dashboard this wide. */
    int columnsFor(double width) { return ChartColumns.forWidth(width - sideWidth(width), lecture()); }

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
        chartsLeft = x0 + sw;
        sideClip.setWidth(sw);
        sideClip.setHeight(h);
        double ch = h / rows;
        double bar = 0;
        double offset = 0;
        boolean scrolls = rows > 0 && ch < minChartHeight();
        if (scrolls) {
            ch = minChartHeight();
            bar = Math.ceil(scroll.prefWidth(-1));
            double content = rows * ch;
            scroll.setMin(0);
            scroll.setMax(content - h);
            scroll.setVisibleAmount(h / content * (content - h));
            scroll.setUnitIncrement(ch / 8);
            scroll.setBlockIncrement(h);
            if (scroll.getValue() > content - h) scroll.setValue(content - h);
            offset = Math.round(scroll.getValue());
            scroll.resizeRelocate(x0 + w - bar, y0, bar, h);
            // Charts scrolled past the grid's top or bottom must not draw over the transport or the status bar.
            chartsClip.setWidth(getWidth());
            chartsClip.setHeight(getHeight());
        }
        scroll.setVisible(scrolls);
        // No clip while everything fits: the live dashboard's frames stay as they were.
        setClip(scrolls ? chartsClip : null);
        double cw = (w - sw - bar) / cols;
        for (int k = 0; k < charts.size(); k++) {
            int c = k % cols;
            int r = k / cols;
            // Whole pixels: sharp axis lines and no seams between cells.
            double x = Math.round(x0 + sw + c * cw);
            double y = Math.round(y0 + r * ch) - offset;
            double x1 = Math.round(x0 + sw + (c + 1) * cw);
            double y1 = Math.round(y0 + (r + 1) * ch) - offset;
            charts.get(k).resizeRelocate(x, y, x1 - x, y1 - y);
        }
    }

    @Override protected double computeMinWidth(double height) { return 0; }

    @Override protected double computeMinHeight(double width) { return 0; }

    @Override protected double computePrefWidth(double height) { return 1280; }

    @Override protected double computePrefHeight(double width) { return 640; }
}
