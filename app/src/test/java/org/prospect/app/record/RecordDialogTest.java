package org.prospect.app.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.prospect.engine.run.SimulationRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@SuppressWarnings("unchecked")
class RecordDialogTest {
    @TempDir
    Path dir;
    private SimulationRunner runner;
    private RecordActions actions;

    @Start
    void start(Stage stage) throws Exception {
        runner = new SimulationRunner(Samples.experiment(), 100, 2000, halt -> {});
        runner.start();
        ToolBar bar = new ToolBar();
        actions = RecordActions.install(bar, () -> runner, () -> Map.of(RecordableViews.DASHBOARD, new StackPane()));
        stage.setScene(new Scene(new BorderPane(new StackPane(), bar, null, null, null), 600, 300));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            if (actions.recordDialog() != null) actions.recordDialog().stage().close();
        });
        runner.close();
    }

    @Test
    void ctrlShiftROpensTheDialogWhichRecordsAndPausesTheLiveRun(FxRobot robot) throws Exception {
        robot.interact(runner::play);
        assertTrue(runner.awaitCommands(5, TimeUnit.SECONDS));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(actions.recordDialog() != null && actions.recordDialog().stage().isShowing(), "dialog open");
        Scene dialog = actions.recordDialog().stage().getScene();
        Path out = dir.resolve("anim.gif");
        robot.interact(() -> {
            ((ComboBox<String>) dialog.lookup("#record-resolution")).setValue("custom");
            ((TextField) dialog.lookup("#record-custom-size")).setText("320x240");
            ((TextField) dialog.lookup("#record-fps-per-unit")).setText("10");
            ((TextField) dialog.lookup("#record-duration")).setText("0.3");
            ((ComboBox<VideoFormat>) dialog.lookup("#record-format")).setValue(VideoFormat.GIF);
            ((TextField) dialog.lookup("#record-output")).setText(out.toString());
            ((javafx.scene.control.Button) dialog.lookup("#record-start")).fire();
        });
        Label message = (Label) dialog.lookup("#record-message");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.getText().startsWith("Wrote"));
        assertTrue(Files.size(out) > 0);
        assertEquals(1, dir.toFile().list().length, "only the GIF");
        // The live run was playing: it resumes after the recording.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, runner::isRunning);
    }

    @Test
    void badInputIsShownNotRecorded(FxRobot robot) throws Exception {
        robot.interact(actions::openRecord);
        Scene dialog = actions.recordDialog().stage().getScene();
        robot.interact(() -> {
            ((ComboBox<String>) dialog.lookup("#record-resolution")).setValue("custom");
            ((TextField) dialog.lookup("#record-custom-size")).setText("99999x1");
            ((javafx.scene.control.Button) dialog.lookup("#record-start")).fire();
        });
        String text = ((Label) dialog.lookup("#record-message")).getText();
        assertTrue(text.contains("size"), text);
        assertFalse(runner.status().running());
    }
}
