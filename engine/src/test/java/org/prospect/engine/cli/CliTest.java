package org.prospect.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prospect.engine.testing.ReferenceCase;

/** The headless CLI, end to end: shipped sample file in, reference-layout CSV and JSON out. */
class CliTest {
    static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    Path dir;

    record Outcome(int exitCode, String stderr) {}

    static Outcome cli(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Outcome(Cli.execute(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    static void assertClose(double ref, double mine, String what) {
        if (!(Math.abs(mine - ref) <= 1e-9 * Math.max(1e-3, Math.abs(ref)))) fail(what + ": reference " + ref + ", ours " + mine);
    }

    static void assertSameNumbers(JsonNode expected, JsonNode actual, String path) {
        if (expected.isNumber()) {
            assertClose(expected.asDouble(), actual.asDouble(), path);
            return;
        }
        assertEquals(expected.size(), actual.size(), path + " size");
        if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) assertSameNumbers(expected.get(i), actual.get(i), path + "[" + i + "]");
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertTrue(actual.has(e.getKey()), path + "." + e.getKey() + " missing");
                assertSameNumbers(e.getValue(), actual.get(e.getKey()), path + "." + e.getKey());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lagline_gle", "lagline_le", "mlp_hetero_gle"})
    void runWritesTheReferenceTraceColumnByColumn(String name) throws IOException {
        Path csv = dir.resolve(name + ".csv");
        Path fin = dir.resolve(name + "_final.json");
        Outcome o = cli("run", SAMPLES.resolve("reference/" + name + ".json").toString(), "--csv", csv.toString(),
                "--final", fin.toString());
        assertEquals(0, o.exitCode(), o.stderr());
        ReferenceCase ref = ReferenceCase.load(name);
        ReferenceCase.Csv ours = ReferenceCase.Csv.read(Files.newInputStream(csv));
        assertEquals(ref.columns, ours.columns);
        assertEquals(ref.rows.size(), ours.rows.size());
        for (int r = 0; r < ref.rows.size(); r++) {
            for (int c = 0; c < ref.columns.size(); c++) {
                assertClose(ref.rows.get(r)[c], ours.rows.get(r)[c], name + " row " + r + " " + ref.columns.get(c));
            }
        }
        JsonNode expected = ref.setup.get("student_final");
        assertSameNumbers(expected, new ObjectMapper().readTree(fin.toFile()), "student_final");
    }

    @Test
    void adjointWritesTheReferenceLambdasAndGradients() throws IOException {
        Path csv = dir.resolve("adjoint.csv");
        Path json = dir.resolve("adjoint.json");
        Outcome o = cli("adjoint", SAMPLES.resolve("reference/mlp_bptt_adjoint.json").toString(), "--steps", "1500",
                "--csv", csv.toString(), "--json", json.toString());
        assertEquals(0, o.exitCode(), o.stderr());
        ReferenceCase ref = ReferenceCase.load("mlp_bptt_adjoint");
        ReferenceCase.Csv ours = ReferenceCase.Csv.read(Files.newInputStream(csv));
        assertEquals(ref.columns, ours.columns);
        for (int r = 0; r < ref.rows.size(); r++) {
            for (int c = 0; c < ref.columns.size(); c++) {
                assertClose(ref.rows.get(r)[c], ours.rows.get(r)[c], "row " + r + " " + ref.columns.get(c));
            }
        }
        JsonNode mine = new ObjectMapper().readTree(json.toFile());
        assertClose(ref.setup.get("loss").asDouble(), mine.get("loss").asDouble(), "loss");
        assertSameNumbers(ref.setup.get("dL_dW"), mine.get("dL_dW"), "dL_dW");
        assertSameNumbers(ref.setup.get("dL_db"), mine.get("dL_db"), "dL_db");
    }

    @Test
    void aBadFileExitsWithCode2AndOneLineNamingFileAndField() throws IOException {
        Path bad = dir.resolve("bad.json");
        String text = Files.readString(SAMPLES.resolve("lagline.json")).replace("\"tauR\": 0.1", "\"tauR\": 0.001");
        Files.writeString(bad, text);
        Path csv = dir.resolve("out.csv");
        Outcome o = cli("run", bad.toString(), "--csv", csv.toString());
        assertEquals(2, o.exitCode());
        assertEquals(1, o.stderr().strip().lines().count(), o.stderr());
        assertTrue(o.stderr().contains("bad.json"), o.stderr());
        assertTrue(o.stderr().contains("network.layers[0].tauR"), o.stderr());
        assertFalse(Files.exists(csv), "nothing is written for a bad file");
    }

    @Test
    void aMissingFileExitsWithCode2() {
        Outcome o = cli("run", dir.resolve("nope.json").toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.stderr().contains("nope.json"), o.stderr());
    }

    @Test
    void durationAndStepsSetTheLengthOfTheRun() throws IOException {
        Path csv = dir.resolve("short.csv");
        assertEquals(0, cli("run", SAMPLES.resolve("reference/lagline_gle.json").toString(), "--duration", "0.5",
                "--csv", csv.toString()).exitCode());
        assertEquals(1 + 50, Files.readAllLines(csv).size());
        assertEquals(0, cli("run", SAMPLES.resolve("reference/lagline_gle.json").toString(), "--steps", "7",
                "--csv", csv.toString()).exitCode());
        assertEquals(1 + 7, Files.readAllLines(csv).size());
    }

    @Test
    void anUnwritableOutputIsReportedInOneLine() {
        Outcome o = cli("run", SAMPLES.resolve("reference/lagline_gle.json").toString(), "--steps", "3",
                "--csv", "/proc/forbidden/out.csv");
        assertEquals(2, o.exitCode());
        assertEquals(1, o.stderr().strip().lines().count(), o.stderr());
    }

    @Test
    void sweepWritesOneRowPerPointWithItsSettings() throws IOException {
        Path out = dir.resolve("sweep.csv");
        Outcome o = cli("sweep", SAMPLES.resolve("lagline.json").toString(), "--set", "dynamics.gamma=0.5,1,2",
                "--set", "learning.rate=1e-3,1e-4", "--steps", "200", "--parallel", "2", "--out", out.toString());
        assertEquals(0, o.exitCode(), o.stderr());
        java.util.List<String> lines = Files.readAllLines(out);
        assertEquals(7, lines.size());
        assertTrue(lines.get(0).startsWith("index,dynamics.gamma,learning.rate,status,error,final_loss"), lines.get(0));
        assertTrue(lines.get(4).startsWith("3,1,1e-4,ok,,"), lines.get(4));
    }

    @Test
    void sweepIndexRunsOnlyThatPoint() throws IOException {
        Path out = dir.resolve("one.csv");
        Outcome o = cli("sweep", SAMPLES.resolve("lagline.json").toString(), "--set", "dynamics.gamma=0.5,1,2",
                "--index", "2", "--steps", "50", "--out", out.toString());
        assertEquals(0, o.exitCode(), o.stderr());
        java.util.List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("2,2,ok,"), lines.get(1));
    }

    @Test
    void npzHoldsTheSameValuesAsTheCsvOneArrayPerQuantity() throws IOException {
        Path csv = dir.resolve("mlp.csv");
        Path npz = dir.resolve("mlp.npz");
        Outcome o = cli("run", SAMPLES.resolve("reference/mlp_hetero_gle.json").toString(), "--steps", "40",
                "--csv", csv.toString(), "--npz", npz.toString());
        assertEquals(0, o.exitCode(), o.stderr());
        ReferenceCase.Csv table = ReferenceCase.Csv.read(Files.newInputStream(csv));
        java.util.Map<String, double[]> arrays = new java.util.HashMap<>();
        java.util.Map<String, String> headers = new java.util.HashMap<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(npz))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] b = zip.readAllBytes();
                int len = (b[8] & 0xff) | (b[9] & 0xff) << 8;
                headers.put(e.getName(), new String(b, 10, len, StandardCharsets.US_ASCII));
                java.nio.ByteBuffer data = java.nio.ByteBuffer.wrap(b, 10 + len, b.length - 10 - len)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
                double[] v = new double[data.remaining() / 8];
                for (int i = 0; i < v.length; i++) v[i] = data.getDouble();
                arrays.put(e.getName(), v);
            }
        }
        assertTrue(headers.get("L0_u.npy").contains("'shape': (40, 5)"), headers.get("L0_u.npy"));
        assertTrue(headers.get("t.npy").contains("'shape': (40,)"), headers.get("t.npy"));
        assertTrue(headers.get("x.npy").contains("'shape': (40, 2)"), headers.get("x.npy"));
        for (int r = 0; r < 40; r++) {
            assertEquals(table.rows.get(r)[table.column("t")], arrays.get("t.npy")[r], 0.0);
            assertEquals(table.rows.get(r)[table.column("x1")], arrays.get("x.npy")[2 * r + 1], 0.0);
            assertEquals(table.rows.get(r)[table.column("L0_n3_u")], arrays.get("L0_u.npy")[5 * r + 3], 0.0);
            assertEquals(table.rows.get(r)[table.column("L2_n1_prosp_v")], arrays.get("L2_prosp_v.npy")[2 * r + 1], 0.0);
        }
    }

    @Test
    void aComparisonFileRunsEveryLearnerAndWritesFinalsByLabel() throws IOException {
        Path fin = dir.resolve("cmp.json");
        Outcome o = cli("run", SAMPLES.resolve("lagline-compare.json").toString(), "--steps", "300", "--final", fin.toString());
        assertEquals(0, o.exitCode(), o.stderr());
        JsonNode finals = new ObjectMapper().readTree(fin.toFile());
        assertEquals(java.util.List.of("GLE", "instantaneous errors", "BPTT 1 τ"),
                java.util.List.copyOf(iterable(finals.fieldNames())));
        assertTrue(finals.get("GLE").has("tau_m1"));
        assertTrue(o.stderr().contains("3 learners × 300 steps"), o.stderr());
    }

    static <T> java.util.List<T> iterable(Iterator<T> it) {
        java.util.List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void runThenResumeGivesTheSameFinalParametersAsOneRun() throws IOException {
        Path lagline = SAMPLES.resolve("lagline.json");
        Path straight = dir.resolve("straight.json");
        Path session = dir.resolve("half.session");
        Path resumed = dir.resolve("resumed.json");
        assertEquals(0, cli("run", lagline.toString(), "--steps", "7000", "--final", straight.toString()).exitCode());
        assertEquals(0, cli("run", lagline.toString(), "--steps", "5500", "--save-session", session.toString()).exitCode());
        Outcome o = cli("resume", session.toString(), "--steps", "1500", "--final", resumed.toString());
        assertEquals(0, o.exitCode(), o.stderr());
        assertEquals(Files.readString(straight), Files.readString(resumed));
    }

    @Test void rnnRunWritesOneMetricsRowPerIterationAndRule() throws Exception {
        Path out = dir.resolve("m.csv");
        Outcome o = cli("run", SAMPLES.resolve("delayed-xor-short.json").toString(), "--iterations", "3", "--metrics",
                out.toString());
        assertEquals(0, o.exitCode(), o.stderr());
        assertTrue(o.stderr().contains("iteration 3/3"), o.stderr());
        java.util.List<String> lines = Files.readAllLines(out);
        assertEquals("iteration,rule,loss,accuracy,alignment,validation_accuracy,validation_loss,millis", lines.get(0));
        assertEquals(1 + 3 * 3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).startsWith("1,BPTT,"), lines.get(1));
        assertTrue(lines.get(9).startsWith("3,ModProp,"), lines.get(9));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            assertEquals(8, c.length, line);
            double cos = Double.parseDouble(c[4]);
            assertTrue(cos >= -1 && cos <= 1 + 1e-12, line);
        }
    }

    @Test void rnnRunRefusesGleLengths() {
        Outcome o = cli("run", SAMPLES.resolve("delayed-xor-short.json").toString(), "--steps", "3");
        assertEquals(2, o.exitCode());
        assertTrue(o.stderr().contains("--iterations"), o.stderr());
    }
}
