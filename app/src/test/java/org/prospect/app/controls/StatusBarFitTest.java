package org.prospect.app.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.prospect.engine.run.RunnerStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar fits its window: items it has no room for are hidden whole, least important first. */
@ExtendWith(ApplicationExtension.class)
class StatusBarFitTest {
    private static final List<String> BY_IMPORTANCE =
            List.of("#status-state", "#status-time", "#status-learning", "#status-rate", "#status-adjoint", "#status-fps");
    private StatusBar bar;
    private StackPane holder;

    @Start
    void start(Stage stage) {
        bar = new StatusBar(0.01);
        holder = new StackPane(bar.node());
        stage.setScene(new Scene(holder, 1600, 60));
        stage.show();
    }

    /** The bar, running with every item filled, laid out at this width. */
    private void showAt(FxRobot robot, double width) {
        robot.interact(() -> {
            bar.show(new RunnerStatus(1234.56, 123456, 251_000, true, true), 57);
            bar.showAdjointCoverage(0.22);
            holder.getScene().getWindow().setWidth(width);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> holder.layout());
    }

    private Label item(FxRobot robot, String id) { return robot.lookup(id).queryAs(Label.class); }

    @Test
    void showsEveryItemWhenThereIsRoom(FxRobot robot) {
        showAt(robot, 1600);
        for (String id : BY_IMPORTANCE) assertTrue(item(robot, id).isVisible(), id);
    }

    @Test
    void isNeverWiderThanItsWindow(FxRobot robot) {
        for (double width : new double[] {1600, 900, 600, 400}) {
            showAt(robot, width);
            double right = holder.getWidth();
            assertTrue(bar.node().minWidth(-1) <= width, "min width " + bar.node().minWidth(-1) + " at " + width);
            for (String id : BY_IMPORTANCE) {
                Label l = item(robot, id);
                if (!l.isVisible()) continue;
                Bounds b = l.localToScene(l.getBoundsInLocal());
                assertTrue(b.getMaxX() <= right + 0.5, id + " ends at " + b.getMaxX() + " in a window " + right + " wide");
            }
        }
    }

    @Test
    void hidesTheLeastImportantItemsFirst(FxRobot robot) {
        for (double width : new double[] {1100, 900, 700, 500, 300}) {
            showAt(robot, width);
            boolean hiddenBefore = false;
            for (String id : BY_IMPORTANCE) {
                boolean visible = item(robot, id).isVisible();
                assertFalse(visible && hiddenBefore, id + " shows at " + width + " px while a more important item is hidden");
                hiddenBefore |= !visible;
            }
        }
    }

    @Test
    void keepsTheStateAndTheTimeOnANarrowWindow(FxRobot robot) {
        showAt(robot, 600);
        assertTrue(item(robot, "#status-state").isVisible());
        assertTrue(item(robot, "#status-time").isVisible());
        assertFalse(item(robot, "#status-fps").isVisible());
        assertEquals("t = 1234.56 τ   (step 123456)", item(robot, "#status-time").getText());
    }
}
