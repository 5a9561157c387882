package org.prospect.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.prospect.app.LagLine;
import org.prospect.engine.run.SimulationRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** On a small screen no chart is squeezed below a readable height: the rows that do not fit are scrolled to. */
@ExtendWith(ApplicationExtension.class)
class DashboardSmallScreenTest {
    private SimulationRunner runner;
    private Dashboard dashboard;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        runner = new SimulationRunner(LagLine.experiment(), 100, 2000, h -> { });
        dashboard = new Dashboard(runner);
        // What a 1024×768 projector leaves the dashboard beside an open parameter panel.
        Scene scene = new Scene(dashboard.node(), 620, 600);
        URL css = Dashboard.class.getResource("/org/prospect/app/assets/prospect.css");
        if (css != null) scene.getStylesheets().add(css.toExternalForm());
        stage.setScene(scene);
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

    private DashboardGrid grid() { return dashboard.grid(); }

    private Bounds onScreen(Region r) { return r.localToScene(r.getLayoutBounds()); }

    private void resize(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> grid().layout());
    }

    @Test
    void noChartIsShorterThanTheMinimumHeight(FxRobot robot) {
        assertEquals(1, dashboard.columns());
        for (TimeChart c : dashboard.charts()) {
            assertTrue(c.node().getHeight() >= ChartColumns.MIN_HEIGHT - 1,
                    c.node().getId() + " is " + c.node().getHeight() + " px high");
        }
    }

    @Test
    void theScrollBarShowsOnlyWhenTheChartsDoNotFit(FxRobot robot) {
        assertTrue(grid().scrollBar().isVisible(), "six rows of 200 px in 600");
        assertTrue(grid().getClip() != null, "charts scrolled past the grid's edges are cut at them");
        resize(robot, 1280, 720);
        assertFalse(grid().scrollBar().isVisible(), "3×2 at 1280×720 fits");
        assertEquals(null, grid().getClip());
        assertEquals(0, grid().scrolled());
    }

    @Test
    void scrollingToTheEndShowsTheLastChartWholeAndKeepsTheNetworkViewInPlace(FxRobot robot) {
        Bounds side = onScreen(dashboard.networkView().node());
        robot.interact(() -> grid().scrollBar().setValue(grid().scrollBar().getMax()));
        robot.interact(() -> grid().layout());
        Bounds gridBounds = onScreen(grid());
        Bounds last = onScreen(dashboard.charts().get(5).node());
        assertTrue(last.getMaxY() <= gridBounds.getMaxY() + 1, "last chart ends at " + last.getMaxY());
        assertTrue(last.getMinY() >= gridBounds.getMinY() - 1, "last chart starts at " + last.getMinY());
        Bounds first = onScreen(dashboard.charts().get(0).node());
        assertTrue(first.getMaxY() <= gridBounds.getMinY() + 1, "the first chart is scrolled out of view");
        assertEquals(side, onScreen(dashboard.networkView().node()));
    }

    @Test
    void chartsLeaveRoomForTheScrollBar(FxRobot robot) {
        double bar = onScreen(grid().scrollBar()).getMinX();
        for (TimeChart c : dashboard.charts()) {
            assertTrue(onScreen(c.node()).getMaxX() <= bar + 0.5, c.node().getId() + " runs under the scroll bar");
        }
    }

    @Test
    void pageDownAndPageUpScrollByTheVisibleHeight(FxRobot robot) {
        robot.clickOn(dashboard.charts().get(0).node().getTitleLabel(), MouseButton.PRIMARY);
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Math.min(grid().getHeight(), grid().scrollBar().getMax()), grid().scrolled(), 1);
        robot.type(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, grid().scrolled(), 0);
    }

    @Test
    void theWheelOverAChartTitleScrolls(FxRobot robot) {
        // From the middle, so that either wheel direction (Monocle's robot and a real wheel differ in sign) moves.
        double middle = grid().scrollBar().getMax() / 2;
        robot.interact(() -> grid().scrollBar().setValue(middle));
        robot.interact(() -> grid().layout());
        robot.moveTo(dashboard.charts().get(2).node().getTitleLabel());
        robot.scroll(3, javafx.geometry.VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(grid().scrolled() != middle, "still at " + grid().scrolled());
    }

    @Test
    void theWheelOverAPlotZoomsInsteadOfScrolling(FxRobot robot) {
        robot.moveTo(dashboard.charts().get(0).node().getPlotForeground());
        robot.scroll(3, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, grid().scrolled(), 0);
    }
}
