package org.prospect.app.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class StatusBarAdjointTest {
    private StatusBar bar;

    @Start
    void start(Stage stage) {
        bar = new StatusBar(0.01);
        stage.setScene(new Scene(bar.node(), 900, 40));
        stage.show();
    }

    private Label label(FxRobot robot) {
        return robot.lookup("#status-adjoint").queryAs(Label.class);
    }

    @Test
    void saysWhichShareOfWindowsHasTheExactErrorWhenSomeWereSkipped(FxRobot robot) {
        robot.interact(() -> bar.showAdjointCoverage(0.22));
        assertTrue(label(robot).isVisible());
        assertEquals("exact ε for 22 % of windows", label(robot).getText());
    }

    @Test
    void saysNothingWhenEveryWindowWasComputedOrNoneCompleted(FxRobot robot) {
        robot.interact(() -> bar.showAdjointCoverage(0.5));
        robot.interact(() -> bar.showAdjointCoverage(1.0));
        assertFalse(label(robot).isVisible());
        robot.interact(() -> bar.showAdjointCoverage(0.5));
        robot.interact(() -> bar.showAdjointCoverage(Double.NaN));
        assertFalse(label(robot).isVisible());
    }
}
