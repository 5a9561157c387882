package org.prospect.app.views;

/**
 * One colour per learner of a comparison file, the same in every chart and in the summary table; a learner's
 * several quantities in one chart (weights, τ_m of several neurons) are told apart by dash pattern.
 */
public final class LearnerPalette {
    private static final String[] COLOURS = {"#1a5fb4", "#c01c28", "#26a269", "#e5a50a", "#613583", "#865e3c",
        "#008080", "#c061cb"};
    private static final double[][] DASHES = {{}, {14, 7}, {3, 6}, {14, 6, 3, 6}};
    public static final String TARGET = "#3d3846";

    private LearnerPalette() {}

    public static String colour(int learner) { return COLOURS[Math.floorMod(learner, COLOURS.length)]; }

    public static double[] dashes(int k) { return DASHES[Math.floorMod(k, DASHES.length)]; }
}
