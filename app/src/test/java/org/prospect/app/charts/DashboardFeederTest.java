package org.prospect.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.dataset.DataSet;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.prospect.app.LagLine;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.trace.DashboardProbe;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The dashboard's data path with a row every step: the probe's trace, drained and reduced by the feeder, puts every
 * step of the run in view — each pixel column of a line shows the lowest and highest value of its steps — in two
 * points per column instead of one per step.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardFeederTest {
    private static final double WINDOW = 20;
    private static final int STEPS = 2000; // dt = 0.01: one window
    private final GleExperiment experiment = LagLine.experiment();
    private final GleSimulation sim = new GleSimulation(experiment);
    private final DashboardProbe probe = Dashboard.probe(experiment.network(), WINDOW);
    private TimeChart chart;
    private DashboardFeeder feeder;

    @Start
    void start(Stage stage) {
        chart = new TimeChart("feeder-chart", "Output", null, "rate", TimeChart.Scale.LINEAR, null, null);
    }

    /** The probe on a fresh LagLine run and a feeder into one chart line: the output's rate. */
    private void attach(FxRobot robot) {
        probe.attach(sim);
        robot.interact(() -> chart.addLine(
                new TimeChart.Line("output", Palette.RATE, 0, TimeChart.Source.MAIN, probe.outputChannel(0), 0)));
        feeder = new DashboardFeeder(probe, List.of(chart), WINDOW);
    }

    /**
     * Takes {@code steps} steps, draining every {@code drainEvery} and once at the end, and records each step's time
     * and output into {@code time} and {@code output} (when not null).
     */
    private void run(int steps, int drainEvery, double[] time, double[] output) {
        for (int k = 0; k < steps; k++) {
            sim.step();
            probe.afterStep(sim);
            if (time != null) {
                time[k] = sim.time();
                output[k] = sim.student().output()[0];
            }
            if (k % drainEvery == 0) feeder.feed();
        }
        feeder.feed();
    }

    @Test
    void everyStepOfTheWindowIsInViewAsItsColumnsLowestAndHighestValue(FxRobot robot) {
        attach(robot);
        double[] time = new double[STEPS];
        double[] output = new double[STEPS];
        run(STEPS, 300, time, output);
        probe.close();

        assertEquals(1000, probe.rowsPerTimeUnit(), "a 20 τ window asks for 20 000 rows: every step");
        DataSet line = chart.series()[0].data;
        double width = WINDOW / chart.columns();
        long lastColumn = (long) Math.floor(time[STEPS - 1] / width); // still open: drawn when the next one starts
        int columns = 0;
        for (long c = (long) Math.floor(time[0] / width); c < lastColumn; c++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < STEPS; k++) {
                if ((long) Math.floor(time[k] / width) != c) continue;
                lo = Math.min(lo, output[k]);
                hi = Math.max(hi, output[k]);
            }
            double drawnLo = Double.POSITIVE_INFINITY;
            double drawnHi = Double.NEGATIVE_INFINITY;
            int points = 0;
            for (int i = 0; i < line.getDataCount(); i++) {
                if ((long) Math.floor(line.get(DataSet.DIM_X, i) / width) != c) continue;
                drawnLo = Math.min(drawnLo, line.get(DataSet.DIM_Y, i));
                drawnHi = Math.max(drawnHi, line.get(DataSet.DIM_Y, i));
                points++;
            }
            assertEquals(lo, drawnLo, 0, "lowest value in column " + c);
            assertEquals(hi, drawnHi, 0, "highest value in column " + c);
            assertTrue(points <= 2, "column " + c + " has " + points + " points");
            columns++;
        }
        assertTrue(columns >= TimeChart.DEFAULT_COLUMNS - 2, columns + " columns checked");
        assertTrue(line.getDataCount() < STEPS, line.getDataCount() + " points drawn for " + STEPS + " steps");
    }

    @Test
    void theWindowIsExportedAtEveryStepAlthoughDrawnReduced(FxRobot robot) {
        attach(robot);
        int steps = 3000; // more than the window: the export starts one window before the newest row
        double[] time = new double[steps];
        double[] output = new double[steps];
        run(steps, 700, time, output);
        probe.close();

        List<ExportedLine> lines = feeder.lines(time[steps - 1] - WINDOW, time[steps - 1]);
        assertEquals(1, lines.size());
        ExportedLine line = lines.get(0);
        assertEquals("feeder-chart", line.chart());
        assertEquals("output", line.name());
        int first = steps - line.x().length;
        assertTrue(Math.abs(line.x().length - WINDOW / 0.01) <= 1, line.x().length + " rows for a 20 τ window");
        for (int k = 0; k < line.x().length; k++) {
            assertEquals(time[first + k], line.x()[k], 0, "time of row " + k);
            assertEquals(output[first + k], line.y()[k], 0, "output at row " + k);
        }
        assertTrue(chart.series()[0].data.getDataCount() < line.x().length, "the chart draws fewer points");
    }

    @Test
    void aZoomedChartShowsEveryStepOfItsRangeAndTheWindowAgainWhenLeft(FxRobot robot) {
        attach(robot);
        run(STEPS, STEPS, null, null);
        int reduced = chart.series()[0].data.getDataCount();

        chart.zoom = new double[] {10, 12}; // 200 steps over 600 columns: each its own column
        feeder.feed();
        DataSet line = chart.series()[0].data;
        List<ExportedLine> rows = feeder.lines(10, 12);
        double[] t = rows.get(0).x();
        double[] y = rows.get(0).y();
        int inside = 0;
        for (int i = 0; i < line.getDataCount(); i++) {
            double x = line.get(DataSet.DIM_X, i);
            if (x < 10 || x > 12) continue;
            assertEquals(t[inside], x, 0, "step " + inside);
            assertEquals(y[inside], line.get(DataSet.DIM_Y, i), 0, "value at step " + inside);
            inside++;
        }
        assertEquals(t.length, inside, "every step of the zoomed range is a point");

        run(500, 500, null, null);
        assertTrue(line.get(DataSet.DIM_X, line.getDataCount() - 1) <= 12 + WINDOW / TimeChart.DEFAULT_COLUMNS,
                "a zoomed chart holds still");

        chart.zoom = null;
        feeder.feed();
        probe.close();
        int back = chart.series()[0].data.getDataCount();
        assertTrue(Math.abs(back - reduced) <= reduced / 10, back + " points again, as for the window before (" + reduced + ")");
        assertEquals(sim.time(), chart.series()[0].data.get(DataSet.DIM_X, back - 1), 2 * WINDOW / TimeChart.DEFAULT_COLUMNS);
    }

    @Test
    void aPausedRunsLinesReachItsLastStep(FxRobot robot) {
        attach(robot);
        run(STEPS, 300, null, null);
        DataSet line = chart.series()[0].data;
        double width = WINDOW / chart.columns();
        double last = sim.time();
        assertTrue(line.get(DataSet.DIM_X, line.getDataCount() - 1) < Math.floor(last / width) * width,
                "while rows come, the newest column waits for the next");
        feeder.feed(); // no new rows: paused
        probe.close();
        assertEquals(Math.floor(last / width), Math.floor(line.get(DataSet.DIM_X, line.getDataCount() - 1) / width),
                "the newest column is drawn");
    }
}
