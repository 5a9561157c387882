package org.prospect.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import java.net.URL;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.prospect.app.LagLine;
import org.prospect.engine.run.SimulationRunner;
import org.prospect.engine.trace.NeuronId;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DashboardTest {
    private static final NeuronId HIDDEN = new NeuronId(0, 0);
    private static final NeuronId OUTPUT = new NeuronId(1, 0);
    private SimulationRunner runner;
    private Dashboard dashboard;

    @Start
    void start(Stage stage) {
        runner = new SimulationRunner(LagLine.experiment(), 100, 2000, h -> { });
        dashboard = new Dashboard(runner);
        Scene scene = new Scene(dashboard.node(), 1280, 720);
        URL css = Dashboard.class.getResource("/org/prospect/app/assets/prospect.css");
        if (css != null) scene.getStylesheets().add(css.toExternalForm());
        stage.setScene(scene);
        // The stage is shared by every test class in the JVM: take the scene's size, not a size left by another test.
        stage.sizeToScene();
        stage.show();
        runner.start();
        dashboard.start();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(dashboard::close);
        runner.close();
    }

    private Point2D disc(NeuronId n) {
        return dashboard.networkView().screenPosition(n);
    }

    @Test
    void showsSixChartsWithTitlesAndAxisLabels(FxRobot robot) {
        List<String> ids = List.of("#signal-chart", "#potentials-chart", "#phase-chart", "#errors-chart",
                "#weights-chart", "#loss-chart");
        for (String id : ids) {
            XYChart chart = robot.lookup(id).queryAs(XYChart.class);
            assertTrue(chart.isVisible(), id);
            assertTrue(chart.getWidth() >= 300 && chart.getHeight() > 150,
                    id + " has room at 1280×720: " + chart.getWidth() + "×" + chart.getHeight());
            assertFalse(chart.getTitle().isBlank(), id + " has a title");
            assertEquals(TimeChart.TIME_LABEL, chart.getXAxis().getName());
            assertFalse(chart.getYAxis().getName().isBlank(), id + " labels its value axis");
        }
        assertEquals("Input, target, output", robot.lookup("#signal-chart").queryAs(XYChart.class).getTitle());
        assertEquals("Errors vs exact adjoint", robot.lookup("#errors-chart").queryAs(XYChart.class).getTitle());
        // The exact error ε shares ĕ's axis: the same units, so their sizes compare directly.
        assertEquals(1, dashboard.charts().get(3).axes());
        assertEquals("ĕ, e_in, ε", dashboard.charts().get(3).valueAxis(0).getName());
        boolean exact = false;
        for (TimeChart.Series s : dashboard.charts().get(3).series()) {
            if (s.data.getName().startsWith("ε ")) {
                assertEquals(TimeChart.Source.LAMBDA, s.source, s.data.getName());
                exact = true;
            }
        }
        assertTrue(exact, "the errors chart draws the exact error");
        assertTrue(dashboard.charts().get(5).valueAxis(0).isLogAxis(), "the loss is on a log scale");
    }

    /** The text a label actually shows (with an ellipsis when it is cut). */
    static String shown(Labeled label) {
        Node text = label.lookup(".text");
        return text instanceof Text t ? t.getText() : label.getText();
    }

    @Test
    void aLogAxisWithNothingToDrawYetStillShowsLabelledDecades(FxRobot robot) throws Exception {
        // Learning off: ‖ΔW‖ is 0 at every step, which a log axis cannot draw (the default LagLine sample does not
        // learn for its first 50 τ). Its axis had been left at 0…0 by the first layout, with no tick labels.
        runner.setLearning(false);
        runner.play();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.status().steps() > 200);
        WaitForAsyncUtils.waitForFxEvents();
        TimeChart weights = dashboard.charts().get(4);
        assertEquals("‖ΔW‖/step", weights.valueAxis(1).getName());
        var axis = weights.valueAxis(1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> axis.getTickMarks().size() >= 3);
        robot.interact(() -> {
            assertEquals(1e-6, axis.getMin(), 0.0);
            assertEquals(1.0, axis.getMax(), 0.0);
            assertTrue(axis.getTickMarks().stream().allMatch(t -> !t.getText().isBlank()), "every decade labelled");
        });
    }

    @Test
    void at1280x720EveryTitleAndLegendFitsAndNoChartIsNarrow(FxRobot robot) throws Exception {
        // Legends wrap to the plot's width once the charts have been laid out with their axes.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dashboard.charts().stream()
                .allMatch(c -> c.legend().getWidth() <= c.node().getPlotForeground().getWidth()));
        assertEquals(3, dashboard.columns(), "3×2 at 1280 px without side panels");
        for (TimeChart c : dashboard.charts()) {
            XYChart chart = c.node();
            assertTrue(chart.getWidth() >= 300, chart.getId() + " is " + chart.getWidth() + " px wide");
            assertEquals(chart.getTitle(), shown(chart.getTitleLabel()), chart.getId() + "'s title is cut");
            // The legend sits inside the plot area and leaves most of it to the lines.
            var plot = chart.getPlotForeground();
            assertTrue(c.legend().getWidth() <= plot.getWidth(), chart.getId() + ": legend wider than the plot");
            assertTrue(c.legend().getHeight() < 0.5 * plot.getHeight(),
                    chart.getId() + ": legend " + c.legend().getHeight() + " of " + plot.getHeight() + " px");
            for (Node entry : c.legend().getChildrenUnmodifiable()) {
                Labeled l = (Labeled) entry;
                assertEquals(l.getText(), shown(l), chart.getId() + ": legend entry cut");
                assertTrue(l.getFont().getSize() >= 16, "legend text ≥ 16 px");
            }
        }
    }

    @Test
    void theColumnCountFollowsTheWidth(FxRobot robot) {
        Stage stage = (Stage) dashboard.node().getScene().getWindow();
        robot.interact(() -> stage.setWidth(1000));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, dashboard.columns(), "2×3 when three columns would be too narrow");
        for (TimeChart c : dashboard.charts()) assertTrue(c.node().getWidth() >= 300, c.node().getId());
        // (Monocle's headless screen is 1280 px wide: a wider stage overflows its buffer.)
        robot.interact(() -> stage.setWidth(1280));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, dashboard.columns(), "3×2 when wide");
        // The network view stays in its own column, left of every chart.
        double right = dashboard.networkView().node().localToScene(dashboard.networkView().node().getLayoutBounds()).getMaxX();
        for (TimeChart c : dashboard.charts()) {
            assertTrue(c.node().localToScene(c.node().getLayoutBounds()).getMinX() >= right - 1, c.node().getId());
        }
    }

    @Test
    void clickingANeuronDiscSelectsIt(FxRobot robot) {
        assertEquals(List.of(OUTPUT), dashboard.selection().selected(), "the output neuron by default");
        robot.clickOn(disc(HIDDEN));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(HIDDEN), dashboard.selection().selected());
        assertEquals(List.of(HIDDEN), dashboard.probe().selected());
        List<String> legend = dashboard.charts().get(1).lineNames();
        assertTrue(legend.contains("u L0 n0"), legend.toString());
        assertFalse(legend.contains("u L1 n0"), legend.toString());
    }

    @Test
    void ctrlClickSelectsTwo(FxRobot robot) {
        robot.press(KeyCode.CONTROL).clickOn(disc(HIDDEN)).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(OUTPUT, HIDDEN), dashboard.selection().selected());
        List<String> legend = dashboard.charts().get(1).lineNames();
        assertTrue(legend.contains("u L0 n0") && legend.contains("u L1 n0"), legend.toString());
    }

    @Test
    void hoveringShowsATooltipNamingTauM(FxRobot robot) throws Exception {
        robot.moveTo(disc(OUTPUT));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> dashboard.networkView().tooltip().isShowing());
        String text = dashboard.networkView().tooltip().getText();
        assertTrue(text.contains("τ_m = 1.400"), text);
        assertTrue(text.contains("Layer 1, neuron 0"), text);
    }

    @Test
    void rollingWindowControlChangesTheXAxisRange(FxRobot robot) {
        var time = dashboard.charts().get(0).timeAxis();
        assertEquals(Dashboard.DEFAULT_WINDOW, time.getMax() - time.getMin(), 1e-9);
        robot.interact(() -> dashboard.windowSlider().setValue(Math.log10(5)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, dashboard.window());
        for (TimeChart c : dashboard.charts()) {
            assertEquals(5, c.timeAxis().getMax() - c.timeAxis().getMin(), 1e-9);
        }
        assertEquals(4000, dashboard.probe().rowsPerTimeUnit(), "finer rows for a shorter window");
    }

    @Test
    void draggingOverAChartZoomsItAndRedrawsItsLinesAtEveryStepOfTheZoom(FxRobot robot) throws Exception {
        runner.setSpeed(org.prospect.engine.run.Command.AS_FAST_AS_POSSIBLE);
        runner.play();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> dashboard.feeder().latestTime() > 2 * Dashboard.DEFAULT_WINDOW);
        runner.pause();
        runner.awaitCommands(5, TimeUnit.SECONDS);
        long drains = dashboard.feeder().drains();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> dashboard.feeder().drains() > drains + 3);
        TimeChart chart = dashboard.charts().get(0);
        javafx.geometry.Bounds plot = chart.node().getCanvas().localToScreen(chart.node().getCanvas().getBoundsInLocal());
        double y = plot.getMinY() + 0.1 * plot.getHeight();
        robot.moveTo(new Point2D(plot.getMinX() + 0.45 * plot.getWidth(), y))
                .drag(javafx.scene.input.MouseButton.PRIMARY)
                .moveTo(new Point2D(plot.getMinX() + 0.55 * plot.getWidth(), plot.getMaxY() - 0.1 * plot.getHeight()))
                .release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chart.isZoomed());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chart.shownZoom != null);
        double from = chart.timeAxis().getMin();
        double to = chart.timeAxis().getMax();
        assertTrue(to - from < 0.2 * Dashboard.DEFAULT_WINDOW, "zoomed to " + from + " … " + to);
        // The output line: one point per step of the zoom (each step has a pixel column of its own there).
        String output = "output r";
        ExportedLine steps = dashboard.feeder().lines(from, to).stream()
                .filter(l -> l.name().equals(output)).findFirst().orElseThrow();
        var drawn = java.util.Arrays.stream(chart.series()).filter(s -> s.line.name().equals(output)).findFirst()
                .orElseThrow().data;
        int inside = 0;
        for (int i = 0; i < drawn.getDataCount(); i++) {
            double x = drawn.get(io.fair_acc.dataset.DataSet.DIM_X, i);
            if (x >= from && x <= to) inside++;
        }
        assertTrue(steps.x().length > 50, steps.x().length + " steps in the zoom");
        assertEquals(steps.x().length, inside, "every step of the zoom is drawn");

        robot.clickOn(new Point2D(plot.getMinX() + 0.5 * plot.getWidth(), y), javafx.scene.input.MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(chart.isZoomed());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chart.shownZoom == null);
    }
}
