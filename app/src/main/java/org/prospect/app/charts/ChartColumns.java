package org.prospect.app.charts;

/**
 * How many charts a dashboard puts side by side in a given width: three when each still gets {@link #MIN_WIDTH}
 * ({@link #MIN_WIDTH_LECTURE} in lecture mode, whose larger text needs the room), else two down to
 * {@link #MIN_TWO_COLUMN_WIDTH} each ({@link #MIN_TWO_COLUMN_WIDTH_LECTURE} in lecture mode: at 300 px the weights
 * chart's two axes left its plot 110 px, under its own legend), else one. The GLE and RNN dashboards
 * share it, so both switch at the same widths. Below {@link #minHeight} a chart's plot is a strip a few grid lines
 * high, unreadable from a lecture hall's back rows: views scroll rather than squeeze a chart under it.
 */
public final class ChartColumns {
    public static final double MIN_WIDTH = 340;
    public static final double MIN_WIDTH_LECTURE = 400;
    public static final double MIN_TWO_COLUMN_WIDTH = 300;
    public static final double MIN_TWO_COLUMN_WIDTH_LECTURE = 380;
    public static final double MIN_HEIGHT = 200;
    public static final double MIN_HEIGHT_LECTURE = 240;

    private ChartColumns() {}

    public static int forWidth(double room, boolean lecture) {
        if (room >= 3 * (lecture ? MIN_WIDTH_LECTURE : MIN_WIDTH)) return 3;
        if (room >= 2 * (lecture ? MIN_TWO_COLUMN_WIDTH_LECTURE : MIN_TWO_COLUMN_WIDTH)) return 2;
        return 1;
    }

    /** The least height of a chart, larger in lecture mode. */
    public static double minHeight(boolean lecture) {
        return lecture ? MIN_HEIGHT_LECTURE : MIN_HEIGHT;
    }
}
