package org.prospect.app.charts;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.shape.Line;

/**
 * A compact legend drawn inside a chart's plot area, in its top-left corner: one entry per line (a short
 * stroke in the line's colour and dash pattern, then its name), flowing into as few rows as the plot's
 * width allows, on a translucent background. It takes no height from the plot; the chart keeps its
 * value axes' tops clear of it. Mouse-transparent, so zoom and the crosshair work under it. On a low plot
 * ({@link #COMPACT_BELOW}) a lecture-mode legend is drawn at the normal size: its large bold entries, one per row
 * on a narrow chart, covered most of the plot and pushed the lines into its bottom half.
 */
final class ChartLegend extends FlowPane {
    ChartLegend() {
        super(8, 0);
        getStyleClass().add("time-legend");
        setMouseTransparent(true);
        setAlignment(Pos.TOP_LEFT);
        setManaged(true);
    }

    /** Plot height (pixels) below which the legend is compact. */
    static final double COMPACT_BELOW = 200;

    private List<TimeChart.Line> lines = List.of();
    private boolean dark;
    private boolean lecture;
    private boolean compact;

    /**
     * The plot's height changed (FX thread). The legend lies over the plot and takes none of its height, so this
     * cannot oscillate with the legend's own size.
     */
    void plotHeight(double height) {
        boolean now = height > 0 && height < COMPACT_BELOW;
        if (now == compact) return;
        compact = now;
        if (now) getStyleClass().add("compact"); else getStyleClass().remove("compact");
        show(lines);
    }

    boolean compact() { return compact; }

    /** The window's theme and lecture mode (FX thread). */
    void setLook(boolean dark, boolean lecture) {
        this.dark = dark;
        this.lecture = lecture;
        show(lines);
    }

    /** One entry per line (FX thread). */
    void show(List<TimeChart.Line> lines) {
        this.lines = List.copyOf(lines);
        getChildren().clear();
        boolean lecture = this.lecture && !compact;
        for (TimeChart.Line l : lines) {
            Line stroke = new Line(0, 0, lecture ? 30 : 22, 0);
            stroke.getStyleClass().add("time-legend-stroke");
            stroke.setStyle("-fx-stroke: " + (dark ? Palette.onDark(l.colour()) : l.colour()) + ";");
            stroke.setStrokeWidth(lecture ? Palette.LECTURE_LINE_WIDTH : Palette.LINE_WIDTH);
            for (double d : Palette.dashes(l.dash())) stroke.getStrokeDashArray().add(d);
            Label entry = new Label(l.name(), stroke);
            entry.getStyleClass().add("time-legend-item");
            entry.setGraphicTextGap(5);
            getChildren().add(entry);
        }
    }
}
