package org.prospect.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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

    @Start
    void start(Stage stage) {
        window = new MainWindow(LagLine.experiment());
        stage.setScene(window.createScene(1024, 700));
        stage.show();
        window.start();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    private RunnerStatus status() {
        return window.runner().status();
    }

    private void settle() throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.runner().awaitCommands(5, TimeUnit.SECONDS));
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
}
