package org.prospect.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javafx.event.ActionEvent;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.prospect.app.charts.ChartColumns;
import org.prospect.app.views.ComparisonView;
import org.prospect.app.views.MnistView;
import org.prospect.app.views.RunFiles;
import org.prospect.engine.experiment.ExperimentFile;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.experiment.SessionFile;
import org.prospect.engine.experiment.StateColumns;
import org.prospect.engine.run.Command;
import org.prospect.engine.run.SimulationRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The comparison and MNIST-1D views, export of the visible traces, and sessions from the window. */
@ExtendWith(ApplicationExtension.class)
class ViewsTest {
    static final Path SAMPLES = DefaultSample.folder();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(SAMPLES);
        window.setLectureFullScreen(false);
        stage.setScene(window.createScene(1280, 800));
        stage.show();
        window.start();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    }

    private void open(FxRobot robot, Path file) {
        boolean[] ok = {false};
        robot.interact(() -> ok[0] = window.open(file));
        assertTrue(ok[0], () -> "could not open " + file + ": " + window.lastError());
    }

    /** Reads from the primary simulation on its own thread, after every command sent before. */
    private <T> T engine(SimulationRunner runner, Function<GleSimulation, T> read) throws Exception {
        Object[] out = {null};
        runner.submit(new Command.Apply(s -> out[0] = read.apply(s)));
        assertTrue(runner.awaitCommands(10, TimeUnit.SECONDS));
        @SuppressWarnings("unchecked") T t = (T) out[0];
        return t;
    }

    private void pause() throws Exception {
        window.runner().pause();
        assertTrue(window.runner().awaitCommands(10, TimeUnit.SECONDS));
    }

    @Test
    void aComparisonFileShowsEveryLearnerInOneColourAndATableRowEach(FxRobot robot) throws Exception {
        open(robot, SAMPLES.resolve("lagline-compare.json"));
        ComparisonView view = window.extraView().comparison();
        assertNotNull(view, "comparison view");
        assertEquals(3, window.runner().learnerCount());
        List<String> lines = view.overlay().lineNames();
        assertEquals(List.of("target", "GLE", "instantaneous errors", "BPTT 1 τ"), lines);
        assertEquals(3, view.lossChart().lineCount());
        assertEquals(3, view.table().getItems().size());
        assertEquals(List.of("GLE", "instantaneous errors", "BPTT 1 τ"),
                view.table().getItems().stream().map(ComparisonView.Row::label).toList());
        // Every learner's output reaches its chart line, and the table gets numbers.
        waitUntil(() -> view.overlay().lines().stream().allMatch(d -> d.getDataCount() > 10));
        waitUntil(() -> view.table().getItems().stream().noneMatch(r -> r.loss().equals("—")));
        // The weights chart has each weight of each learner (2 weights × 3 learners), τ_m likewise.
        assertEquals(6, view.weightsChart().lineCount());
        assertEquals(6, view.tauChart().lineCount());
    }

    @Test
    void everyComparisonChartShowsItsTitleInsideItsCell(FxRobot robot) throws Exception {
        open(robot, SAMPLES.resolve("lagline-compare.json"));
        ComparisonView view = window.extraView().comparison();
        waitUntil(() -> view.tauChart().lines().stream().allMatch(d -> d.getDataCount() > 10));
        WaitForAsyncUtils.waitForFxEvents();
        for (var chart : List.of(view.overlay(), view.lossChart(), view.weightsChart(), view.tauChart())) {
            var node = chart.node();
            double top = node.localToScene(node.getLayoutBounds()).getMinY();
            var title = node.getTitleLabel();
            double titleTop = title.localToScene(title.getLayoutBounds()).getMinY();
            // The hidden ChartFX legend (four long τ_m entries in three rows) had pushed the τ_m chart's title and
            // plot out of the top of its cell.
            assertTrue(titleTop >= top - 0.5, node.getId() + ": title at " + titleTop + ", chart at " + top);
        }
    }

    @Test
    void inLectureModeOnAProjectorTheComparisonScrollsRatherThanSqueezeItsCharts(FxRobot robot) throws Exception {
        open(robot, SAMPLES.resolve("lagline-compare.json"));
        ComparisonView view = window.extraView().comparison();
        // 1280×800 with the parameter sheet open: before, the four charts got 30–40 px of height each.
        robot.interact(() -> window.lectureProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.node().layout());
        for (var chart : List.of(view.overlay(), view.lossChart(), view.weightsChart(), view.tauChart())) {
            double h = chart.node().getHeight();
            assertTrue(h >= ChartColumns.MIN_HEIGHT_LECTURE - 1, chart.node().getId() + " is " + h + " px high");
        }
        var scroll = (javafx.scene.control.ScrollPane) view.node();
        assertTrue(scroll.getContent().getBoundsInLocal().getHeight() > scroll.getViewportBounds().getHeight(),
                "the view scrolls to the charts and the table that do not fit");
        // Every learner's table row at lecture mode's row height, none cut off.
        assertEquals(ComparisonView.TABLE_ROW_LECTURE, view.table().getFixedCellSize());
        assertTrue(view.table().getHeight() >= ComparisonView.TABLE_ROW_LECTURE * 4);
        robot.interact(() -> window.lectureProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ComparisonView.TABLE_ROW, view.table().getFixedCellSize());
    }

    @Test
    void theMnistViewShowsAConfusionMatrixAfterAnEpoch(FxRobot robot, @TempDir Path dir) throws Exception {
        Path data = SAMPLES.resolve("data/mnist1d").toAbsolutePath();
        Path f = dir.resolve("tiny.json");
        Files.writeString(f, """
            {"name": "tiny MNIST-1D", "description": "test", "model": "gle", "seed": 1, "batch": 50, "dt": 0.2,
             "network": {"inputs": 1, "layers": [
               {"size": 8, "activation": "tanh", "tauM": {"uniform": [0.6, 1.2]}, "tauR": 0.2, "bias": true},
               {"size": 10, "activation": "linear", "tauM": 1.2, "tauR": 1.2, "bias": true}]},
             "dynamics": {"gamma": 0, "beta": 1, "loss": "cross_entropy"},
             "learning": {"optimizer": "adam", "rate": 0.003},
             "target": {"dataset": {"directory": "%s", "limit": 200, "epochs": 3}}}
            """.formatted(data.toString().replace("\\", "\\\\")));
        open(robot, f);
        MnistView view = window.extraView().mnist();
        assertNotNull(view, "MNIST-1D view");
        waitUntil(() -> !view.probe().epochs().isEmpty());
        waitUntil(() -> {
            int[][] shown = view.shownConfusion();
            return shown != null && shown.length == 10;
        });
        int total = 0;
        for (int[] row : view.shownConfusion()) for (int c : row) total += c;
        assertEquals(50, total, "a quarter of 200 test sequences, each scored once");
        waitUntil(() -> view.outputsChart().line(1).getDataCount() > 0);
        assertEquals(11, view.outputsChart().lineCount(), "the true class and one line per class");
    }

    @Test
    void exportedCsvAndNpzOfTheVisibleTracesAgree(FxRobot robot, @TempDir Path dir) throws Exception {
        open(robot, SAMPLES.resolve("lagline.json"));
        // Several time units, so the decimated trace (about one row per chart pixel) holds over a hundred rows.
        waitUntil(() -> window.runner().status().steps() > 1500);
        pause();
        long drains = window.dashboard().feeder().drains();
        waitUntil(() -> window.dashboard().feeder().drains() > drains + 2); // the feeder has taken everything
        Path csv = dir.resolve("trace.csv");
        Path npz = dir.resolve("trace.npz");
        window.exportTraces(csv).get(20, TimeUnit.SECONDS);
        window.exportTraces(npz).get(20, TimeUnit.SECONDS);
        List<String> text = Files.readAllLines(csv);
        String[] header = text.get(0).split(",");
        assertEquals("t", header[0]);
        assertTrue(text.size() > 100, "rows: " + text.size());
        Map<String, double[]> arrays = readNpz(npz);
        assertEquals(header.length, arrays.size());
        for (int c = 0; c < header.length; c++) {
            double[] column = arrays.get(header[c]);
            assertNotNull(column, header[c]);
            assertEquals(text.size() - 1, column.length, header[c]);
            for (int r = 1; r < text.size(); r++) {
                double v = Double.parseDouble(text.get(r).split(",", -1)[c]);
                assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(column[r - 1]), header[c] + " row " + r);
            }
        }
        assertTrue(List.of(header).contains("signal_chart__output_r"), String.join(",", header));
        assertTrue(Files.isRegularFile(RunFiles.experimentBeside(csv)));
    }

    @Test
    void theExperimentWrittenBesideAnExportHasTheEditedGamma(FxRobot robot, @TempDir Path dir) throws Exception {
        open(robot, SAMPLES.resolve("lagline.json"));
        TextField gamma = window.parameters().field("dynamics.gamma");
        robot.interact(() -> {
            gamma.setText("0.5");
            gamma.fireEvent(new ActionEvent());
        });
        assertEquals(0.5, (double) engine(window.runner(), s -> s.student().dynamics().gamma()));
        Path csv = dir.resolve("sub/edited.csv");
        window.exportTraces(csv).get(20, TimeUnit.SECONDS);
        var e = ExperimentFile.load(RunFiles.experimentBeside(csv));
        assertEquals(0.5, e.dynamics().gamma());
        assertEquals(ExperimentFile.load(SAMPLES.resolve("lagline.json")).learning().rate(), e.learning().rate());
    }

    @Test
    void aSavedSessionOpensWhereItWasSaved(FxRobot robot, @TempDir Path dir) throws Exception {
        open(robot, SAMPLES.resolve("lagline.json"));
        waitUntil(() -> window.runner().status().steps() > 200);
        pause();
        window.runner().step(37);
        long saved = engine(window.runner(), GleSimulation::stepCount);
        double[] w = engine(window.runner(), s -> s.student().weights(1).clone());
        Path out = dir.resolve("run.session");
        window.saveSession(out).get(20, TimeUnit.SECONDS);
        assertEquals(saved, (long) engine(window.runner(), GleSimulation::stepCount), "saving takes no step");

        boolean[] ok = {false};
        robot.interact(() -> ok[0] = window.openSession(out));
        assertTrue(ok[0], () -> "could not open the session: " + window.lastError());
        SimulationRunner resumed = window.runner();
        resumed.pause();
        long now = engine(resumed, GleSimulation::stepCount);
        double[] wNow = engine(resumed, s -> s.student().weights(1).clone());
        assertTrue(now >= saved, "resumed at " + now + ", saved at " + saved);
        if (now == saved) assertArrayEquals(w, wNow, 0.0);
        // The engine's own reading of the session, stepped as far, gives the same weights bit for bit.
        GleSimulation reference = SessionFile.load(out).simulation();
        assertEquals(saved, reference.stepCount());
        assertArrayEquals(w, reference.student().weights(1), 0.0);
        for (long i = saved; i < now; i++) reference.step();
        assertArrayEquals(reference.student().weights(1), wNow, 0.0);
        assertEquals(SAMPLES.resolve("lagline.json").toAbsolutePath().normalize(),
                window.runFile().toAbsolutePath().normalize());
    }

    /** Opens LagLine, pauses, steps 300, sets γ to 0.5 in the parameter sheet, steps 200 more. */
    private void editedLagLine(FxRobot robot) throws Exception {
        open(robot, SAMPLES.resolve("lagline.json"));
        pause();
        window.runner().step(300);
        TextField gamma = window.parameters().field("dynamics.gamma");
        robot.interact(() -> {
            gamma.setText("0.5");
            gamma.fireEvent(new ActionEvent());
        });
        window.runner().step(200);
        assertTrue(window.runner().awaitCommands(20, TimeUnit.SECONDS));
    }

    /** The live primary learner's row in the layout of `run --csv`, as text. */
    private String liveRow() throws Exception {
        return window.runner().inspect(all -> {
            StateColumns columns = new StateColumns(all.get(0), 0);
            double[] row = new double[columns.size()];
            columns.fill(all.get(0), row);
            StringBuilder b = new StringBuilder().append((long) row[0]);
            for (int c = 1; c < row.length; c++) b.append(',').append(row[c]);
            return b.toString();
        }).get(20, TimeUnit.SECONDS);
    }

    private void answerSaveDialogWith(Path file) {
        window.setSaveDialog(chooser -> file.toFile());
    }

    @Test
    void ctrlShiftEExportsTheWholeRunEndingAtTheLiveStateWithTheEditApplied(FxRobot robot, @TempDir Path dir) throws Exception {
        editedLagLine(robot);
        long steps = window.runner().status().steps();
        Path csv = dir.resolve("whole.csv");
        answerSaveDialogWith(csv);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> Files.isRegularFile(csv));
        List<String> rows = Files.readAllLines(csv);
        assertEquals(steps + 1, rows.size(), "a header and every step since t = 0");
        assertEquals(liveRow(), rows.get(rows.size() - 1));
        assertEquals(0.5, ExperimentFile.load(RunFiles.experimentBeside(csv)).dynamics().gamma());
        waitUntil(() -> !window.lastExportProgress().stage().isShowing());
    }

    @Test
    void theWholeRunExportIsInTheFileMenu(FxRobot robot, @TempDir Path dir) throws Exception {
        editedLagLine(robot);
        Path npz = dir.resolve("whole.npz");
        answerSaveDialogWith(npz);
        robot.clickOn("File");
        robot.clickOn("Export whole run…");
        waitUntil(() -> Files.isRegularFile(npz));
        Map<String, double[]> arrays = readNpz(npz);
        assertEquals(window.runner().status().steps(), arrays.get("t").length);
    }

    @Test
    void cancellingAWholeRunExportLeavesNoFileUnderItsName(FxRobot robot, @TempDir Path dir) throws Exception {
        open(robot, SAMPLES.resolve("lagline.json"));
        pause();
        // Long enough that regenerating it takes far longer than pressing Cancel.
        window.runner().step(400_000);
        assertTrue(window.runner().awaitCommands(60, TimeUnit.SECONDS));
        Path csv = dir.resolve("cancelled.csv");
        java.util.concurrent.CompletableFuture<?>[] export = new java.util.concurrent.CompletableFuture<?>[1];
        robot.interact(() -> export[0] = window.exportWholeRun(csv));
        robot.interact(() -> window.lastExportProgress().cancelButton().fire());
        waitUntil(() -> export[0].isDone());
        assertTrue(export[0].isCancelled());
        waitUntil(() -> !window.lastExportProgress().stage().isShowing());
        assertFalse(Files.exists(csv));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(RunFiles.experimentBeside(csv)), left.toList(), "no temporary files left");
        }
    }

    @Test
    void aComparisonSessionResumesEveryLearner(FxRobot robot, @TempDir Path dir) throws Exception {
        open(robot, SAMPLES.resolve("lagline-compare.json"));
        pause();
        window.runner().step(150);
        List<double[]> weights = window.runner().inspect(all -> all.stream().map(s -> s.student().weights(1).clone()).toList())
                .get(20, TimeUnit.SECONDS);
        Path out = dir.resolve("compare.session");
        window.saveSession(out).get(20, TimeUnit.SECONDS);
        boolean[] ok = {false};
        robot.interact(() -> ok[0] = window.openSession(out));
        assertTrue(ok[0], () -> "could not open the session: " + window.lastError());
        pause();
        assertEquals(3, window.runner().learnerCount());
        SessionFile.Session reference = SessionFile.load(out);
        List<GleSimulation> sims = reference.simulations();
        for (int i = 0; i < 3; i++) assertArrayEquals(weights.get(i), sims.get(i).student().weights(1), 0.0, "learner " + i);
        assertEquals(List.of("GLE", "instantaneous errors", "BPTT 1 τ"),
                window.runner().learners().stream().map(ExperimentFile.Learner::label).toList());
    }

    @Test
    void anRnnSessionOpensWithItsIterationsAndLearningCurves(FxRobot robot, @TempDir Path dir) throws Exception {
        Path f = dir.resolve("tiny-xor.json");
        Files.writeString(f, """
            {"name": "tiny XOR", "description": "test", "model": "rnn",
             "network": {"units": 10, "tau": 20, "dt": 1, "seed": 3},
             "task": {"cue": 6, "delay": 8},
             "training": {"batch": 4, "learningRate": 1e-2, "validationBatch": 4, "iterations": 50},
             "rules": ["BPTT", {"rule": "ModProp", "mu": 0.25}]}
            """);
        open(robot, f);
        window.rnnRunner().pause();
        window.rnnRunner().reset();
        window.rnnRunner().step(4);
        assertTrue(window.rnnRunner().awaitCommands(20, TimeUnit.SECONDS));
        double loss = window.rnnRunner().history().get(3, 1, org.prospect.engine.run.RnnHistory.LOSS);
        Path out = dir.resolve("xor.session");
        window.saveSession(out).get(20, TimeUnit.SECONDS);
        Files.delete(f); // the session holds the experiment as it was opened
        boolean[] ok = {false};
        robot.interact(() -> ok[0] = window.openSession(out));
        assertTrue(ok[0], () -> "could not open the session: " + window.lastError());
        window.rnnRunner().pause();
        assertTrue(window.rnnRunner().awaitCommands(20, TimeUnit.SECONDS));
        assertTrue(window.rnnRunner().iteration() >= 4, "iteration " + window.rnnRunner().iteration());
        assertEquals(loss, window.rnnRunner().history().get(3, 1, org.prospect.engine.run.RnnHistory.LOSS), 0.0);
    }

    /** Reads the float64 vectors of an .npz (NPY 1.0, little-endian) as numpy would. */
    static Map<String, double[]> readNpz(Path npz) throws Exception {
        Map<String, double[]> out = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(npz))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                byte[] bytes = zip.readAllBytes();
                int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
                String header = new String(bytes, 10, headerLength, java.nio.charset.StandardCharsets.US_ASCII);
                assertTrue(header.contains("'<f8'"), header);
                ByteBuffer b = ByteBuffer.wrap(bytes, 10 + headerLength, bytes.length - 10 - headerLength)
                        .order(ByteOrder.LITTLE_ENDIAN);
                double[] v = new double[b.remaining() / 8];
                for (int i = 0; i < v.length; i++) v[i] = b.getDouble();
                out.put(e.getName().replaceFirst("\\.npy$", ""), v);
            }
        }
        return out;
    }
}
