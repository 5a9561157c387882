package org.prospect.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prospect.engine.gle.Dynamics;
import org.prospect.engine.gle.LearningSpec;
import org.prospect.engine.task.SignalSpec;
import org.prospect.engine.trace.AtomicFiles;

/**
 * A saved session: the experiment file's text (with the path it was opened from, which relative data paths
 * resolve against) and the {@link SimulationState} of the run, as JSON. Doubles are written in their
 * shortest exact form, so a resumed run is bit-identical to one that never stopped. Written atomically.
 */
public final class SessionFile {
    static final String FORMAT = "prospect-session";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A loaded session: the experiment it runs and a simulation already at the saved state. */
    public record Session(Path experimentFile, GleSimulation simulation) {}

    private SessionFile() {}

    public static void save(Path out, Path experimentFile, GleSimulation sim) throws IOException {
        SimulationState s = sim.saveState();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("experimentFile", experimentFile.toAbsolutePath().toString());
        root.put("experiment", Files.readString(experimentFile, StandardCharsets.UTF_8));
        root.put("step", s.step());
        root.put("phase", s.phase());
        root.put("loss", s.loss());
        LearningSpec l = s.learning();
        ObjectNode learning = root.putObject("learning");
        learning.put("enabled", l.enabled());
        learning.put("rate", l.rate());
        Dynamics d = s.dynamics();
        ObjectNode dynamics = root.putObject("dynamics");
        dynamics.put("gamma", d.gamma());
        dynamics.put("beta", d.beta());
        dynamics.put("prospectiveErrors", d.prospectiveErrors());
        if (s.input() != null) root.set("input", SignalJson.write(s.input()));
        root.put("inputSince", s.inputSince());
        root.set("student", arrays(s.student()));
        if (s.teacher() != null) root.set("teacher", arrays(s.teacher()));
        root.set("heldTauM", matrix(s.heldTauM()));
        root.set("optimizerMoments", matrix(s.optimizerMoments()));
        root.put("optimizerUpdates", s.optimizerUpdates());
        if (s.window() != null) root.set("window", arrays(s.window()));
        if (s.classification() != null) root.set("classification", JSON.valueToTree(s.classification()));
        root.set("lastInput", vector(s.lastInput()));
        root.set("lastTarget", vector(s.lastTarget()));
        AtomicFiles.write(out, w -> JSON.writeValue(w, root));
    }

    /** Reads a session and rebuilds its run; problems are reported like experiment-file errors. */
    public static Session load(Path file) throws ExperimentFileException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ExperimentFileException(file, "", "cannot read the session: " + e.getMessage());
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new ExperimentFileException(file, "format", "expected \"" + FORMAT + "\": not a Prospect session file");
        }
        if (root.path("version").asInt() != VERSION) {
            throw new ExperimentFileException(file, "version", "expected " + VERSION + ", found " + root.path("version"));
        }
        Path experimentFile = Path.of(root.path("experimentFile").asText());
        GleExperiment experiment = ExperimentFile.loadText(experimentFile, root.path("experiment").asText());
        GleSimulation sim = new GleSimulation(experiment);
        try {
            LearningSpec saved = experiment.learning().withEnabled(root.path("learning").path("enabled").asBoolean())
                    .withRate(root.path("learning").path("rate").asDouble());
            JsonNode dyn = root.path("dynamics");
            Dynamics base = experiment.dynamics();
            Dynamics dynamics = new Dynamics(base.dt(), dyn.path("gamma").asDouble(), dyn.path("beta").asDouble(),
                    dyn.path("prospectiveErrors").asBoolean(), base.loss());
            SignalSpec input = root.has("input") ? SignalJson.read(file, root.get("input"), experiment.network().inputs())
                    : null;
            SequenceClassification.Saved classification = root.has("classification")
                    ? JSON.treeToValue(root.get("classification"), SequenceClassification.Saved.class) : null;
            sim.restoreState(new SimulationState(root.path("step").asLong(), root.path("phase").asInt(),
                    root.path("loss").asDouble(), saved, dynamics, input, root.path("inputSince").asLong(),
                    arrays(root.get("student")), root.has("teacher") ? arrays(root.get("teacher")) : null,
                    matrix(root.get("heldTauM")), matrix(root.get("optimizerMoments")),
                    root.path("optimizerUpdates").asLong(), root.has("window") ? arrays(root.get("window")) : null,
                    classification, vector(root.get("lastInput")), vector(root.get("lastTarget"))));
        } catch (IOException | RuntimeException e) {
            throw new ExperimentFileException(file, "", "the saved state does not fit the experiment: " + e.getMessage());
        }
        return new Session(experimentFile, sim);
    }

    private static ObjectNode arrays(Map<String, double[]> m) {
        ObjectNode o = JSON.createObjectNode();
        for (Map.Entry<String, double[]> e : m.entrySet()) o.set(e.getKey(), vector(e.getValue()));
        return o;
    }

    private static Map<String, double[]> arrays(JsonNode o) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), vector(e.getValue()));
        }
        return m;
    }

    private static ArrayNode vector(double[] v) {
        ArrayNode a = JSON.createArrayNode();
        for (double x : v) a.add(x);
        return a;
    }

    private static double[] vector(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = a.get(i).asDouble();
        return v;
    }

    private static ArrayNode matrix(double[][] m) {
        ArrayNode a = JSON.createArrayNode();
        for (double[] row : m) a.add(vector(row));
        return a;
    }

    private static double[][] matrix(JsonNode a) {
        List<double[]> rows = new ArrayList<>();
        a.forEach(r -> rows.add(vector(r)));
        return rows.toArray(double[][]::new);
    }
}
