package org.prospect.app.charts;

import io.fair_acc.dataset.utils.DataSetStyleBuilder;

/**
 * One colour per quantity, the same in every chart; the neuron (or layer) a line belongs to is told by
 * its dash pattern. Chosen to stay apart on white and on a projector.
 */
public final class Palette {
    public static final String INPUT = "#77767b";
    public static final String TARGET = "#e66100";
    public static final String RATE = "#1a5fb4";
    public static final String RATE_OF_U = "#62a0ea";
    public static final String SOMATIC = "#26a269";
    public static final String BASAL = "#865e3c";
    public static final String APICAL = "#c061cb";
    public static final String PROSPECTIVE_ERROR = "#c01c28";
    public static final String INSTANTANEOUS_ERROR = "#e5a50a";
    /** The exact error ε = −β·∂L/∂s/dt, the BPTT line ĕ is compared with. */
    public static final String EXACT_ERROR = "#000000";
    public static final String LOSS = "#613583";
    public static final String ALIGNMENT = "#008080";
    public static final String WEIGHT_NORM = "#3d3846";
    public static final String WEIGHT_CHANGE = "#b5835a";
    public static final String TAU_M = "#5b5b00";
    public static final double LINE_WIDTH = 3;
    /** Lines in lecture mode: thick enough for the back of a hall. */
    public static final double LECTURE_LINE_WIDTH = 5;

    /** The colour to draw {@code colour} with on the dark theme: the darkest ones are lightened. */
    public static String onDark(String colour) {
        return switch (colour) {
            case EXACT_ERROR -> "#f0f0f0";
            case WEIGHT_NORM -> "#c0bfbc";
            case TAU_M -> "#d4d44a";
            case LOSS -> "#b48ee0";
            case INPUT -> "#b0b0b0";
            case BASAL -> "#c49a6c";
            case RATE -> "#3c8ce8";
            case RATE_OF_U -> "#99c1f1";
            case PROSPECTIVE_ERROR -> "#f66151";
            case ALIGNMENT -> "#33c7c7";
            default -> colour;
        };
    }

    private static final double[][] DASHES = {{}, {14, 7}, {3, 6}, {14, 6, 3, 6}};

    private Palette() {}

    /** Dash pattern for the k-th neuron or layer shown with the same colour (solid first). */
    public static double[] dashes(int k) { return DASHES[Math.floorMod(k, DASHES.length)]; }

    /** A ChartFX data set style: colour, thick line, dash pattern k, no markers. */
    public static String style(String colour, int k) {
        return style(colour, k, LINE_WIDTH);
    }

    /** As {@link #style(String, int)} with this line width. */
    public static String style(String colour, int k, double width) {
        DataSetStyleBuilder b = DataSetStyleBuilder.newInstance()
                .setDatasetColor(colour)
                .setLineColor(colour)
                .setMarkerColor(colour)
                .setLineWidth(width)
                .setMarkerSize(0);
        double[] d = dashes(k);
        if (d.length > 0) b.setLineDashes(d);
        return b.build();
    }
}
