package org.prospect.app.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The RNN dashboard's grid: columns by width, rows never below their floor, scrolled to when they do not fit. */
@ExtendWith(ApplicationExtension.class)
class RnnGridTest {
    private final List<Region> cells = new ArrayList<>();
    private final Region weights = new Region();
    private RnnGrid grid;
    private ScrollPane pane;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        for (int k = 0; k < 7; k++) cells.add(new Region());
        grid = new RnnGrid(cells, weights);
        pane = new ScrollPane(grid);
        pane.setFitToWidth(true);
        pane.setFitToHeight(true);
        pane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        stage.setScene(new Scene(pane, 1200, 880));
        stage.sizeToScene();
        stage.show();
    }

    private void resize(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> pane.layout());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ScrollBar verticalBar() {
        for (Node n : pane.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar b && b.getParent() == pane && b.getOrientation() == Orientation.VERTICAL) return b;
        }
        throw new AssertionError("no vertical scroll bar");
    }

    @Test
    void wideAndTallThreeColumnsFillTheWindowWithoutAScrollBar(FxRobot robot) {
        resize(robot, 1200, 880);
        assertEquals(3, grid.columns());
        assertFalse(verticalBar().isVisible());
        // Three rows share the height; the heat maps sit beside the last cell, over two columns.
        assertEquals(grid.getHeight(), weights.getBoundsInParent().getMaxY(), 1);
        assertEquals(cells.get(6).getLayoutY(), weights.getLayoutY(), 0.5);
        assertEquals(2 * cells.get(6).getWidth(), weights.getWidth(), 6);
    }

    @Test
    void lowRowsAreScrolledToInsteadOfSqueezed(FxRobot robot) {
        resize(robot, 1200, 600);
        assertTrue(verticalBar().isVisible());
        for (Region c : cells) assertTrue(c.getHeight() >= RnnGrid.MIN_ROW_HEIGHT - 1, "cell " + c.getHeight() + " px");
    }

    @Test
    void narrowTwoColumnsAndTheHeatMapsGetARowOfTheirOwn(FxRobot robot) {
        resize(robot, 700, 700);
        assertEquals(2, grid.columns());
        assertEquals(0, weights.getLayoutX(), 0.5);
        assertTrue(weights.getLayoutY() >= cells.get(6).getBoundsInParent().getMaxY(), "below the last cell");
        assertEquals(grid.getWidth(), weights.getWidth(), 1);
    }

    @Test
    void veryNarrowOneColumn(FxRobot robot) {
        resize(robot, 500, 700);
        assertEquals(1, grid.columns());
        for (Region c : cells) assertEquals(grid.getWidth(), c.getWidth(), 1);
    }
}
