package org.prospect.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The application as launched: settings from -Dprospect.config (a folder under target/, set by the pom). */
@ExtendWith(ApplicationExtension.class)
class ProspectAppTest {
    private final ProspectApp app = new ProspectApp();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.start(stage);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(app::stop);
    }

    @Test
    void launchShowsTheDefaultSamplesName(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> "LagLine".equals(robot.lookup("#experiment-name").queryAs(Label.class).getText()));
        assertTrue(stage.getTitle().contains("LagLine"), stage.getTitle());
        assertEquals("LagLine", robot.lookup("#experiment-name").queryAs(Label.class).getText());
    }
}
