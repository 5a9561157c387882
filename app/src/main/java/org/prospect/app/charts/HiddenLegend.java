package org.prospect.app.charts;

import io.fair_acc.chartfx.Chart;

/**
 * Hides a chart's ChartFX legend and takes it out of the layout. ChartFX 11.3's {@code setLegendVisible(false)}
 * only makes the legend invisible: its entries still took rows above the plot (three for the comparison view's four
 * long τ_m names), which pushed the chart's content out of the top of its cell and cut the title.
 */
public final class HiddenLegend {
    private HiddenLegend() {}

    public static void hide(Chart chart) {
        chart.setLegendVisible(false);
        chart.getLegend().getNode().setManaged(false);
    }
}
