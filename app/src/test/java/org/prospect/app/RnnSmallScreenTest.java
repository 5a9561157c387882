package org.prospect.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The delayed-XOR dashboard on a projector-sized window: every chart keeps a plot, the rows scroll instead. */
@ExtendWith(ApplicationExtension.class)
class RnnSmallScreenTest {
    private static final String[] CHARTS = {"#rnn-accuracy-chart", "#rnn-loss-chart", "#rnn-alignment-chart",
            "#rnn-trial-chart", "#rnn-credit-chart", "#rnn-taps-chart"};
    /** A plot lower than this shows a line or two of grid, no shape. */
    private static final double READABLE_PLOT = 100;
    /**
     * In lecture mode at 1024 px the accuracy chart's title, two-row legend and time axis take 190–192 px of its
     * 290 (a higher floor would scroll the dashboard at 1920×1080, where the rows get 293 px).
     */
    private static final double READABLE_PLOT_LECTURE = 95;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(LagLine.experiment());
        window.setLectureFullScreen(false);
        stage.setScene(window.createScene(1024, 700));
        // The stage is shared by every test class in the JVM: take the scene's size, not a size left by another test.
        stage.sizeToScene();
        stage.show();
        window.start();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    private void open(FxRobot robot, boolean lecture) {
        robot.interact(() -> {
            window.open(DefaultSample.folder().resolve("delayed-xor-short.json"));
            window.lectureProperty().set(lecture);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.root().layout());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static ScrollBar verticalBar(ScrollPane pane) {
        for (Node n : pane.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar b && b.getParent() == pane && b.getOrientation() == Orientation.VERTICAL) return b;
        }
        throw new AssertionError("no vertical scroll bar");
    }

    private void assertEveryChartHasAReadablePlot(FxRobot robot, String where, double readable) {
        for (String id : CHARTS) {
            XYChart chart = robot.lookup(id).queryAs(XYChart.class);
            double h = chart.getPlotForeground().getHeight();
            assertTrue(h >= readable, where + ": " + id + "'s plot is " + h + " px high");
        }
    }

    @Test
    void at1024x700EveryChartKeepsAPlotAndTheRowsScroll(FxRobot robot) {
        open(robot, false);
        assertEveryChartHasAReadablePlot(robot, "1024×700", READABLE_PLOT);
        ScrollPane pane = robot.lookup("#rnn-scroll").queryAs(ScrollPane.class);
        assertTrue(verticalBar(pane).isVisible(), "the rows that do not fit are scrolled to");
    }

    @Test
    void inLectureModeToo(FxRobot robot) {
        open(robot, true);
        assertEveryChartHasAReadablePlot(robot, "1024×700, lecture", READABLE_PLOT_LECTURE);
    }
}


