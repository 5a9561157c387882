package org.prospect.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A time chart draws a dense noisy line as a band (the cheap path), and a smooth one as ChartFX strokes it. */
@ExtendWith(ApplicationExtension.class)
class TimeChartBandTest {
    private static final int POINTS = 1200;
    private TimeChart chart;

    @Start
    void start(Stage stage) {
        chart = new TimeChart("band-chart", "Band", null, "value", TimeChart.Scale.LINEAR, null, null);
        chart.addLine(new TimeChart.Line("noise", Palette.LOSS, 0, TimeChart.Source.MAIN, 0, 0));
        chart.addLine(new TimeChart.Line("sine", Palette.RATE, 1, TimeChart.Source.MAIN, 1, 0));
        stage.setScene(new Scene(chart.node(), 640, 400));
        stage.sizeToScene();
        stage.show();
    }

    /** Fills the lines off the FX thread (as the feeder does), then lets the chart follow them. */
    private void fill(FxRobot robot, boolean noisyFirst) {
        Random random = new Random(3);
        double[] t = new double[POINTS];
        double[] noise = new double[POINTS];
        double[] sine = new double[POINTS];
        double[] zeros = new double[POINTS];
        for (int k = 0; k < POINTS; k++) {
            t[k] = k * 0.01;
            noise[k] = noisyFirst ? random.nextDouble() : 0.5 + 0.4 * Math.sin(t[k]);
            sine[k] = Math.sin(t[k]);
        }
        TimeChart.Series[] series = chart.series();
        series[0].data.add(t, noise, zeros, zeros, POINTS);
        series[1].data.add(t, sine, zeros, zeros, POINTS);
        chart.ranges = new double[] {-1, 1};
        robot.interact(() -> chart.follow(t[POINTS - 1], t[POINTS - 1]));
    }

    @Test
    void aNoisyLineIsFilledAsABand(FxRobot robot) throws Exception {
        long before = TraceRenderer.bands();
        fill(robot, true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> TraceRenderer.bands() > before);
        assertTrue(TraceRenderer.bands() > before);
    }

    @Test
    void smoothLinesAreStroked(FxRobot robot) throws Exception {
        long bands = TraceRenderer.bands();
        long repaints = TimeChart.repaints();
        fill(robot, false);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> TimeChart.repaints() > repaints);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(bands, TraceRenderer.bands(), "no band for smooth lines");
    }
}
