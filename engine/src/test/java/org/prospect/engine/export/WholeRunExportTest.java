package org.prospect.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prospect.engine.experiment.ExperimentFile;
import org.prospect.engine.experiment.GleExperiment;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.experiment.StateColumns;
import org.prospect.engine.run.Command;
import org.prospect.engine.run.EditJournal;
import org.prospect.engine.run.SimulationRunner;

/** The whole run, regenerated from the journal of edits, exported as the CLI would write it. */
class WholeRunExportTest {
    static final Path SAMPLES = Path.of("..", "samples");
    static final WholeRunExport.Progress QUIET = new WholeRunExport.Progress() {
        @Override public void at(long done, long total) { }

        @Override public boolean cancelled() { return false; }
    };

    @TempDir
    Path dir;

    /** A runner on LagLine with a small trace, stepped 300, γ set to 0.3, stepped 200 more (paused). */
    private static EditJournal editedRun(SimulationRunner runner) throws Exception {
        runner.start();
        runner.step(300);
        runner.submit(new Command.Edit("dynamics.gamma", s -> s.setDynamics(s.student().dynamics().withGamma(0.3))));
        runner.setLearning(false);
        runner.step(200);
        assertTrue(runner.awaitCommands(30, TimeUnit.SECONDS));
        return runner.journal().get(30, TimeUnit.SECONDS);
    }

    private static List<String> lines(Path p) throws Exception {
        return Files.readAllLines(p, StandardCharsets.UTF_8);
    }

    @Test
    void aRunWithoutEditsExportsTheSameCsvAsTheCommandLine() throws Exception {
        GleExperiment e = ExperimentFile.load(SAMPLES.resolve("lagnet.json"));
        try (SimulationRunner runner = new SimulationRunner(e, 100, 50, h -> { })) {
            runner.start();
            runner.step(120);
            assertTrue(runner.awaitCommands(30, TimeUnit.SECONDS));
            Path whole = dir.resolve("whole.csv");
            WholeRunExport.write(runner.journal().get(30, TimeUnit.SECONDS), whole, QUIET);
            Path cli = dir.resolve("cli.csv");
            PrintStream err = System.err;
            try {
                System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                assertEquals(0, org.prospect.engine.cli.Cli.execute("run", SAMPLES.resolve("lagnet.json").toString(),
                        "--steps", "120", "--csv", cli.toString()));
            } finally {
                System.setErr(err);
            }
            assertEquals(lines(cli), lines(whole));
            assertEquals(121, lines(whole).size(), "a header and one row per step, more than the trace holds");
        }
    }

    @Test
    void editsAreReplayedAtTheStepTheyWereMade() throws Exception {
        GleExperiment e = ExperimentFile.load(SAMPLES.resolve("lagline.json"));
        try (SimulationRunner runner = new SimulationRunner(e, 100, 50, h -> { })) {
            EditJournal journal = editedRun(runner);
            assertEquals(500, journal.steps());
            assertEquals(2, journal.entries().size());
            Path whole = dir.resolve("whole.csv");
            WholeRunExport.write(journal, whole, QUIET);
            List<String> rows = lines(whole);
            assertEquals(501, rows.size());
            // The last row is the live run's state now, bit for bit.
            String live = runner.inspect(all -> {
                GleSimulation sim = all.get(0);
                StateColumns columns = new StateColumns(sim, 0);
                double[] row = new double[columns.size()];
                columns.fill(sim, row);
                StringBuilder b = new StringBuilder().append((long) row[0]);
                for (int c = 1; c < row.length; c++) b.append(',').append(row[c]);
                return b.toString();
            }).get(30, TimeUnit.SECONDS);
            assertEquals(live, rows.get(500));
            // Without the journal the same steps end elsewhere: the test can tell.
            EditJournal ignored = new EditJournal(e, null, List.of(), 500);
            Path plain = dir.resolve("plain.csv");
            WholeRunExport.write(ignored, plain, QUIET);
            assertEquals(lines(plain).get(300), rows.get(300), "identical before the edit");
            assertNotEquals(lines(plain).get(500), rows.get(500));
        }
    }

    @Test
    void theNpzHoldsTheCsvsValuesOneArrayPerQuantity() throws Exception {
        GleExperiment e = ExperimentFile.load(SAMPLES.resolve("lagline.json"));
        try (SimulationRunner runner = new SimulationRunner(e, 100, 50, h -> { })) {
            EditJournal journal = editedRun(runner);
            Path csv = dir.resolve("run.csv");
            Path npz = dir.resolve("run.npz");
            WholeRunExport.write(journal, csv, QUIET);
            WholeRunExport.write(journal, npz, QUIET);
            Map<String, double[]> arrays = new HashMap<>();
            Map<String, String> headers = new HashMap<>();
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(npz))) {
                for (ZipEntry z; (z = zip.getNextEntry()) != null; ) {
                    byte[] b = zip.readAllBytes();
                    assertEquals((byte) 0x93, b[0]);
                    assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.US_ASCII));
                    int len = (b[8] & 0xff) | (b[9] & 0xff) << 8;
                    assertEquals(0, (10 + len) % 64, "header padded to 64 bytes");
                    String name = z.getName().replaceFirst("\\.npy$", "");
                    headers.put(name, new String(b, 10, len, StandardCharsets.US_ASCII));
                    ByteBuffer buf = ByteBuffer.wrap(b, 10 + len, b.length - 10 - len).order(ByteOrder.LITTLE_ENDIAN);
                    double[] v = new double[buf.remaining() / 8];
                    for (int i = 0; i < v.length; i++) v[i] = buf.getDouble();
                    arrays.put(name, v);
                }
            }
            assertTrue(headers.get("t").contains("'shape': (500,)"), headers.get("t"));
            assertTrue(headers.get("L1_u").contains("'shape': (500, 1)"), headers.get("L1_u"));
            assertTrue(headers.get("L0_u").contains("'descr': '<f8'"), headers.get("L0_u"));
            List<String> rows = lines(csv);
            List<String> columns = List.of(rows.get(0).split(","));
            for (String column : List.of("t", "x0", "target0", "L0_n0_u", "L1_n0_r", "L1_n0_tau_m")) {
                String array = TraceTable.group(column);
                int c = columns.indexOf(column);
                for (int r = 0; r < 500; r++) {
                    double fromCsv = Double.parseDouble(rows.get(r + 1).split(",")[c]);
                    assertEquals(fromCsv, arrays.get(array)[r], 0.0, column + " row " + r);
                }
            }
        }
    }

    @Test
    void aCancelledExportLeavesNothingUnderTheTargetName() throws Exception {
        GleExperiment e = ExperimentFile.load(SAMPLES.resolve("lagline.json"));
        EditJournal journal = new EditJournal(e, null, List.of(), 5_000);
        for (String name : List.of("cancelled.csv", "cancelled.npz")) {
            Path out = dir.resolve(name);
            long[] seen = {0};
            assertThrows(CancellationException.class, () -> WholeRunExport.write(journal, out, new WholeRunExport.Progress() {
                @Override public void at(long done, long total) { seen[0] = done; }

                @Override public boolean cancelled() { return seen[0] >= 1_000; }
            }));
            assertFalse(Files.exists(out), name);
        }
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "no temporary files either");
        }
    }
}
