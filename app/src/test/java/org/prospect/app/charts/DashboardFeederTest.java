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
    private TimeChart chart;

    @Start
    void start(Stage stage) {
        chart = new TimeChart("feeder-chart", "Output", null, "rate", TimeChart.Scale.LINEAR, null, null);
    }

    @Test
    void everyStepOfTheWindowIsInViewAsItsColumnsLowestAndHighestValue(FxRobot robot) {
        GleSimulation sim = new GleSimulation(experiment);
        DashboardProbe probe = Dashboard.probe(experiment.network(), WINDOW);
        probe.attach(sim);
        robot.interact(() -> chart.addLine(
                new TimeChart.Line("output", Palette.RATE, 0, TimeChart.Source.MAIN, probe.outputChannel(0), 0)));
        DashboardFeeder feeder = new DashboardFeeder(probe, List.of(chart), WINDOW);
        double[] time = new double[STEPS];
        double[] output = new double[STEPS];
        for (int k = 0; k < STEPS; k++) {
            sim.step();
            probe.afterStep(sim);
            time[k] = sim.time();
            output[k] = sim.student().output()[0];
            if (k % 300 == 0) feeder.feed();
        }
        feeder.feed();
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
}
