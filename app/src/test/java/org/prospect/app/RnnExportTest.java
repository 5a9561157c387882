package org.prospect.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.prospect.engine.experiment.ExperimentFile;
import org.prospect.engine.experiment.RnnExperiment;
import org.prospect.engine.run.RnnHistory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Exporting an RNN run: its metrics, one row per iteration and a column per rule and metric, and its experiment. */
@ExtendWith(ApplicationExtension.class)
class RnnExportTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(LagLine.experiment());
        window.setLectureFullScreen(false);
        stage.setScene(window.createScene(1024, 700));
        stage.sizeToScene();
        stage.show();
        window.start();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    /** The delayed-XOR lecture sample, paused after exactly {@code iterations} iterations. */
    private void openAndRun(FxRobot robot, int iterations) throws Exception {
        boolean[] opened = {false};
        robot.interact(() -> opened[0] = window.open(DefaultSample.folder().resolve("delayed-xor-short.json")));
        assertTrue(opened[0], window.lastError());
        window.control().pause();
        window.control().reset();
        window.control().step(iterations);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.control().awaitCommands(60, TimeUnit.SECONDS));
        assertEquals(iterations, window.rnnRunner().history().rows());
    }

    @Test
    void ctrlEWritesARowPerIterationWithEveryRulesMetricsAsInTheHistory(FxRobot robot, @TempDir Path dir) throws Exception {
        openAndRun(robot, 3);
        Path out = dir.resolve("xor-metrics.csv");
        window.setSaveDialog(chooser -> out.toFile());
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.isRegularFile(out));
        List<String> lines = Files.readAllLines(out);
        assertEquals(1 + 3, lines.size(), "header and one row per iteration");
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals("iteration", header.get(0));
        assertEquals(1 + 3 * 6, header.size(), "six metrics for each of BPTT, e-prop and ModProp");
        RnnHistory h = window.rnnRunner().history();
        int col = header.indexOf("ModProp__validation_accuracy");
        assertTrue(col > 0, header.toString());
        for (int r = 0; r < 3; r++) {
            String[] row = lines.get(1 + r).split(",");
            assertEquals(r + 1, Double.parseDouble(row[0]), 0.0);
            assertEquals(h.get(r, 2, RnnHistory.VALIDATION_ACCURACY), Double.parseDouble(row[col]), 0.0);
            assertEquals(h.get(r, 0, RnnHistory.LOSS), Double.parseDouble(row[header.indexOf("BPTT__loss")]), 0.0);
        }
    }

    @Test
    void theExperimentBesideItHasTheLearningRateInForce(FxRobot robot, @TempDir Path dir) throws Exception {
        openAndRun(robot, 1);
        RnnExperiment edited = window.rnnRunner().experiment().withLearningRate(0.001);
        window.rnnRunner().replace(edited);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.rnnRunner().experiment().training().learningRate() == 0.001);
        Path out = dir.resolve("xor-metrics.npz");
        List<Path> written = window.exportTraces(out).get(30, TimeUnit.SECONDS);
        assertTrue(Files.size(out) > 0);
        assertEquals(2, written.size(), "the metrics and the experiment: " + written);
        RnnExperiment beside = (RnnExperiment) ExperimentFile.loadAny(written.get(1));
        assertEquals(0.001, beside.training().learningRate(), 0.0);
        assertEquals(window.rnnRunner().experiment().rules(), beside.rules());
    }
}
