package org.prospect.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.io.TempDir;
import org.prospect.app.controls.ParameterSheet;
import org.prospect.app.controls.Transport;
import org.prospect.engine.experiment.GleSimulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.prospect.engine.run.Command;
import org.prospect.engine.run.RunnerStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(LagLine.experiment());
        // Monocle's headless painter overflows its buffer when a stage goes full screen.
        window.setLectureFullScreen(false);
        stage.setScene(window.createScene(1024, 700));
        stage.show();
        window.start();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            window.close();
        });
    }

    /** Reads a value off the simulation on its own thread, after every command sent before. */
    private double engine(ToDoubleFunction<GleSimulation> read) throws InterruptedException {
        double[] out = {Double.NaN};
        window.runner().submit(new Command.Apply(s -> out[0] = read.applyAsDouble(s)));
        assertTrue(window.runner().awaitCommands(5, TimeUnit.SECONDS));
        return out[0];
    }

    /** Types {@code text} into the parameter field and presses Enter (as the field sees it). */
    private TextField edit(FxRobot robot, String path, String text) {
        TextField field = window.parameters().field(path);
        assertNotNull(field, path);
        robot.interact(() -> {
            field.setText(text);
            field.fireEvent(new ActionEvent());
        });
        return field;
    }

    private RunnerStatus status() {
        return window.control().status();
    }

    private void settle() throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.control().awaitCommands(20, TimeUnit.SECONDS));
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
    }

    private void pausePlaying(FxRobot robot) throws Exception {
        waitUntil(() -> status().running() && status().steps() > 0);
        robot.type(KeyCode.SPACE);
        settle();
        assertFalse(status().running());
    }

    @Test
    void opensPlayingWithTheChart(FxRobot robot) throws Exception {
        XYChart chart = robot.lookup("#signal-chart").queryAs(XYChart.class);
        assertNotNull(chart);
        assertTrue(chart.isVisible());
        assertEquals(3, chart.getAllDatasets().size(), "input, target and output");
        waitUntil(() -> status().steps() > 0);
        // The feeder thread fills the chart from the trace.
        waitUntil(() -> chart.getAllDatasets().get(2).getDataCount() > 0);
    }

    @Test
    void pauseStopsSimulatedTime(FxRobot robot) throws Exception {
        pausePlaying(robot);
        double paused = status().time();
        Thread.sleep(200);
        assertEquals(paused, status().time());
        waitUntil(() -> robot.lookup("#play-pause").queryAs(Button.class).getText().contains("Play"));
    }

    @Test
    void rightArrowStepsExactlyOneDt(FxRobot robot) throws Exception {
        pausePlaying(robot);
        RunnerStatus before = status();
        robot.type(KeyCode.RIGHT);
        settle();
        RunnerStatus after = status();
        assertEquals(before.steps() + 1, after.steps());
        assertEquals(before.time() + 0.01, after.time(), 1e-9);
        assertFalse(after.running());
    }

    @Test
    void resetReturnsToTimeZero(FxRobot robot) throws Exception {
        pausePlaying(robot);
        robot.type(KeyCode.R);
        settle();
        assertEquals(0, status().steps());
        assertEquals(0.0, status().time());
    }

    @Test
    void divergenceShowsTheBannerAndPauses(FxRobot robot) throws Exception {
        assertFalse(window.banner().isShowing());
        window.runner().submit(new Command.Apply(s -> s.student().weights(0)[0] = Double.POSITIVE_INFINITY));
        waitUntil(() -> window.banner().isShowing());
        assertTrue(window.banner().text().contains("layer 0 weights W"), window.banner().text());
        assertTrue(robot.lookup("#banner").query().isVisible());
        assertFalse(status().running());
        waitUntil(() -> robot.lookup("#play-pause").queryAs(Button.class).getText().contains("Play"));
    }

    @Test
    void aGammaEditReachesTheEngine(FxRobot robot) throws Exception {
        assertEquals(1.0, engine(s -> s.student().dynamics().gamma()));
        TextField gamma = edit(robot, "dynamics.gamma", "2.5");
        assertEquals(2.5, engine(s -> s.student().dynamics().gamma()));
        assertEquals(2.5, engine(s -> s.teacher().dynamics().gamma()), "teacher and student alike");
        assertFalse(gamma.getStyleClass().contains(ParameterSheet.INVALID));
    }

    @Test
    void aTimeConstantBelowDtIsRefusedWithTheReasonAndNotApplied(FxRobot robot) throws Exception {
        pausePlaying(robot); // τ_m learn in this experiment
        double was = engine(s -> s.student().tauM(0)[0]);
        TextField tau = edit(robot, "network.layers[0].tauM[0]", "0.001");
        assertTrue(tau.getStyleClass().contains(ParameterSheet.INVALID), "red border");
        Label message = window.parameters().message();
        assertTrue(message.isVisible());
        assertTrue(message.getText().contains("≥ dt = 0.01") && message.getText().contains("0.001"), message.getText());
        assertEquals(was, engine(s -> s.student().tauM(0)[0]), "nothing was sent");
        assertFalse(window.banner().isShowing());

        edit(robot, "network.layers[0].tauM[0]", "0.8");
        assertFalse(tau.getStyleClass().contains(ParameterSheet.INVALID));
        assertFalse(message.isVisible());
        assertEquals(0.8, engine(s -> s.student().tauM(0)[0]));
    }

    @Test
    void revertToFileRestoresTheFileValues(FxRobot robot) throws Exception {
        edit(robot, "dynamics.gamma", "3");
        edit(robot, "learning.rate", "0.5");
        assertEquals(3.0, engine(s -> s.student().dynamics().gamma()));
        robot.interact(() -> window.parameters().revert());
        assertEquals(1.0, engine(s -> s.student().dynamics().gamma()));
        assertEquals(1e-3, engine(s -> s.learning().rate()));
        assertEquals("1", window.parameters().field("dynamics.gamma").getText());
    }

    @Test
    void aHugeLearningRateDivergesAndPausesWithTheBanner(FxRobot robot) throws Exception {
        edit(robot, "learning.rate", "1e300");
        waitUntil(() -> window.banner().isShowing());
        String text = window.banner().text();
        assertTrue(text.contains("Diverged") && text.contains("non-finite layer"), text);
        assertFalse(status().running());
    }

    @Test
    void anEngineErrorShowsItsStackTraceAndTheWindowGoesOn(FxRobot robot) throws Exception {
        window.runner().submit(new Command.Apply(s -> { throw new IllegalStateException("boom"); }));
        waitUntil(() -> window.lastExceptionDialog() != null && window.lastExceptionDialog().isShowing());
        assertTrue(window.banner().text().contains("boom"), window.banner().text());
        robot.interact(() -> window.lastExceptionDialog().close());
        robot.type(KeyCode.SPACE);
        waitUntil(() -> status().running());
    }

    @Test
    void lectureModeEnlargesTheTextAndAppliesTheLectureStylesheet(FxRobot robot) throws Exception {
        Label time = robot.lookup("#status-time").queryAs(Label.class);
        double before = time.getFont().getSize();
        robot.type(KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.lectureProperty().get());
        assertTrue(stage.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("lecture.css")));
        assertTrue(window.root().getStyleClass().contains("lecture"));
        robot.interact(() -> window.root().applyCss());
        assertTrue(time.getFont().getSize() > before + 4, before + " → " + time.getFont().getSize());

        robot.type(KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("lecture.css")));
    }

    @Test
    void inLectureModeAProjectorSizedWindowWithTheSheetOpenStacksItsChartsInOneColumn(FxRobot robot) {
        // 1280×800 with the parameter sheet open: two columns of ~300 px left the weights chart's plot 110 px wide.
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, window.dashboard().columns(), "two columns without lecture mode");
        robot.type(KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.root().layout());
        assertEquals(1, window.dashboard().columns());
        for (var chart : window.dashboard().charts()) {
            assertTrue(chart.node().getWidth() >= org.prospect.app.charts.ChartColumns.MIN_TWO_COLUMN_WIDTH_LECTURE,
                    chart.node().getId() + " is " + chart.node().getWidth() + " px wide");
        }
        robot.type(KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theDarkThemeAppliesTheDarkStylesheet(FxRobot robot) {
        assertFalse(stage.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));
        // By id among the toolbar's items: in a narrow window it may sit in the toolbar's overflow menu.
        var toggle = (javafx.scene.control.ToggleButton) window.transport().node().getItems().stream()
                .filter(n -> "theme-toggle".equals(n.getId())).findFirst().orElseThrow();
        robot.interact(toggle::fire);
        assertTrue(stage.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));
        assertTrue(window.root().getStyleClass().contains("dark"));
    }

    @Test
    void plusAndMinusChangeTheSpeedByOneStop(FxRobot robot) throws Exception {
        assertEquals(Transport.DEFAULT_SPEED, window.transport().speed());
        robot.type(KeyCode.MINUS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, window.transport().speed());
        robot.type(KeyCode.EQUALS);
        robot.type(KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5.0, window.transport().speed());
    }

    @Test
    void aBadFileShowsTheReasonAndKeepsTheCurrentRun(FxRobot robot, @TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(DefaultSample.path()).replace("\"tauR\": 0.1", "\"tauR\": 0"));
        var runner = window.runner();
        waitUntil(() -> status().steps() > 0);
        boolean[] opened = {true};
        robot.interact(() -> opened[0] = window.open(bad));
        assertFalse(opened[0]);
        String error = window.lastError();
        assertNotNull(error);
        assertTrue(error.contains("bad.json") && error.contains("network.layers[0].tauR") && error.contains("dt"), error);
        assertTrue(window.lastAlert().isShowing());
        robot.interact(() -> window.lastAlert().close());
        assertTrue(runner == window.runner(), "the same run goes on");
        long steps = status().steps();
        waitUntil(() -> status().steps() > steps);
    }

    @Test
    void theSamplesToggleShowsAndHidesTheBrowser(FxRobot robot) {
        var layout = (javafx.scene.layout.BorderPane) window.root();
        assertEquals(null, layout.getLeft(), "the sample browser starts collapsed");
        var toggle = (javafx.scene.control.ToggleButton) window.transport().node().getItems().stream()
                .filter(n -> "samples-toggle".equals(n.getId())).findFirst().orElseThrow();
        robot.interact(toggle::fire);
        assertTrue(window.samplesShownProperty().get());
        assertEquals(window.samples().node(), layout.getLeft());
        robot.interact(toggle::fire);
        assertEquals(null, layout.getLeft());
        robot.interact(() -> window.parametersShownProperty().set(false));
        assertEquals(null, layout.getRight());
        robot.interact(() -> window.parametersShownProperty().set(true));
        assertNotNull(layout.getRight());
    }

    @Test
    void at1280x720WithTheParameterSheetNoChartIsNarrowOrCut(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(((javafx.scene.layout.BorderPane) window.root()).getRight());
        for (var c : window.dashboard().charts()) {
            XYChart chart = c.node();
            assertTrue(chart.getWidth() >= 300, chart.getId() + " is " + chart.getWidth() + " px wide");
            var text = chart.getTitleLabel().lookup(".text");
            String shown = text instanceof javafx.scene.text.Text t ? t.getText() : chart.getTitle();
            assertEquals(chart.getTitle(), shown, chart.getId() + "'s title is cut");
        }
    }

    @Test
    void everySampleOpensAndRuns(FxRobot robot) throws Exception {
        var entries = org.prospect.app.samples.SampleCatalog.scan(DefaultSample.folder());
        assertTrue(entries.size() >= 6, "samples found: " + entries.size());
        for (var entry : entries) {
            assertTrue(entry.loads(), entry.relative() + ": " + entry.error());
            boolean[] opened = {false};
            robot.interact(() -> opened[0] = window.open(entry.file()));
            assertTrue(opened[0], entry.relative() + ": " + window.lastError());
            // A GLE step is dt; an RNN step is a whole training iteration of every rule, so fewer of those.
            int steps = window.rnnRunner() == null ? 5 : 1;
            window.control().pause();
            window.control().reset();
            window.control().step(steps);
            settle();
            assertEquals(steps, status().steps(), entry.relative());
            assertFalse(window.banner().isShowing(), entry.relative() + ": " + window.banner().text());
            robot.interact(() -> {});
            assertEquals(entry.name(), robot.lookup("#experiment-name").queryAs(Label.class).getText());
        }
    }

    @Test
    void rnnSampleShowsItsDashboardAndTheArrowStepsOneIteration(FxRobot robot) throws Exception {
        boolean[] opened = {false};
        robot.interact(() -> opened[0] = window.open(DefaultSample.folder().resolve("delayed-xor-short.json")));
        assertTrue(opened[0], window.lastError());
        assertNotNull(robot.lookup("#rnn-dashboard").query());
        assertTrue(robot.lookup("#signal-chart").tryQuery().isEmpty(), "the GLE dashboard is gone");
        assertNotNull(robot.lookup("#rnn-sheet").query(), "the RNN parameter sheet replaces the GLE one");
        for (String id : new String[] {"#rnn-accuracy-chart", "#rnn-loss-chart", "#rnn-alignment-chart",
                "#rnn-trial-chart", "#rnn-credit-chart", "#rnn-taps-chart"}) {
            XYChart chart = robot.lookup(id).queryAs(XYChart.class);
            assertFalse(chart.getTitle() == null || chart.getTitle().isBlank(), id);
        }
        XYChart accuracy = robot.lookup("#rnn-accuracy-chart").queryAs(XYChart.class);
        assertEquals("Validation accuracy", accuracy.getTitle());
        assertEquals(3, accuracy.getRenderers().get(0).getDatasets().size(), "one line per rule");
        assertEquals("Alignment with BPTT", robot.lookup("#rnn-alignment-chart").queryAs(XYChart.class).getTitle());
        window.control().pause();
        window.control().reset();
        settle();
        assertEquals(0, status().steps());
        robot.type(KeyCode.RIGHT);
        settle();
        assertEquals(1, status().steps());
        assertEquals(1, window.rnnRunner().history().rows());
        robot.type(KeyCode.R);
        settle();
        assertEquals(0, status().steps());
    }

    @Test
    void rnnRunsHideTheTimeAndSpeedControlsAndGleRunsShowThemAgain(FxRobot robot) {
        robot.interact(() -> window.open(DefaultSample.folder().resolve("delayed-xor-short.json")));
        assertFalse(robot.lookup("#step-unit").query().isVisible(), "an iteration has no time unit");
        assertFalse(robot.lookup("#speed").query().isVisible(), "an RNN run always goes flat out");
        assertTrue(robot.lookup("#step").query().isVisible());
        robot.interact(() -> window.open(DefaultSample.folder().resolve("lagline.json")));
        assertTrue(robot.lookup("#step-unit").query().isVisible());
        assertTrue(robot.lookup("#speed").query().isVisible());
    }
}
