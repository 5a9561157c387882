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
import org.prospect.engine.rnn.RnnComparison;
import org.prospect.engine.rnn.RnnTrainer;
import org.prospect.engine.run.RnnHistory;
import org.prospect.engine.run.RnnRunState;
import org.prospect.engine.gle.LearningSpec;
import org.prospect.engine.task.SignalSpec;
import org.prospect.engine.trace.AtomicFiles;

/**
 * A saved session: the experiment file's text as it was read when the run was opened (with the path it was
 * opened from, which relative data paths resolve against), and the state of the run, as JSON. Of a GLE run, the
 * {@link SimulationState} of every learner (one, or each learner of a comparison file); of an RNN run, its
 * {@link RnnRunState}. Doubles are written in their shortest exact form, so a resumed run is bit-identical to one
 * that never stopped. Written atomically. Version 1 files (one GLE learner at the top level) still load.
 */
public final class SessionFile {
    static final String FORMAT = "prospect-session";
    static final int VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A loaded session, of either model. */
    public sealed interface Saved permits Session, RnnSession {
        ExperimentText source();
    }

    /**
     * A loaded GLE session: the learners of its experiment and a simulation of each already at the saved state,
     * the primary first (one for a file without {@code learners}).
     */
    public record Session(ExperimentText source, List<ExperimentFile.Learner> learners,
                          List<GleSimulation> simulations) implements Saved {
        public Path experimentFile() { return source.file(); }

        /** The primary learner's simulation. */
        public GleSimulation simulation() { return simulations.get(0); }
    }

    /** A loaded RNN session: the state an {@link org.prospect.engine.run.RnnRunner} resumes from. */
    public record RnnSession(ExperimentText source, RnnRunState state) implements Saved {}

    private SessionFile() {}

    /** Saves a GLE run: every learner's simulation, the primary first, in the order of the file's learners. */
    public static void save(Path out, ExperimentText source, List<GleSimulation> learners) throws IOException {
        ObjectNode root = header(source, "gle");
        ArrayNode states = root.putArray("learners");
        for (GleSimulation sim : learners) writeState(states.addObject(), sim.saveState());
        AtomicFiles.write(out, w -> JSON.writeValue(w, root));
    }

    /** Saves a GLE run of one learner. */
    public static void save(Path out, ExperimentText source, GleSimulation sim) throws IOException {
        save(out, source, List.of(sim));
    }

    /** Saves an RNN run, with the learning rate and μ in force (the user may have changed them). */
    public static void save(Path out, ExperimentText source, RnnRunState state) throws IOException {
        ObjectNode root = header(source, "rnn");
        root.put("learningRate", state.experiment().training().learningRate());
        if (!Double.isNaN(state.experiment().mu())) root.put("mu", state.experiment().mu());
        root.put("iteration", state.iteration());
        root.put("learning", state.learning());
        root.put("stream", state.comparison().stream());
        ArrayNode trainers = root.putArray("rules");
        for (RnnTrainer.Saved t : state.comparison().trainers()) {
            ObjectNode o = trainers.addObject();
            o.set("wIn", vector(t.wIn()));
            o.set("w", vector(t.w()));
            o.set("wOut", vector(t.wOut()));
            o.set("bOut", vector(t.bOut()));
            o.set("moments", matrix(t.moments()));
            o.put("updates", t.updates());
            o.put("iteration", t.iteration());
            o.put("learning", t.learning());
        }
        root.set("history", vector(state.history()));
        AtomicFiles.write(out, w -> JSON.writeValue(w, root));
    }

    private static ObjectNode header(ExperimentText source, String model) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("model", model);
        root.put("experimentFile", source.file().toString());
        root.put("experiment", source.text());
        return root;
    }

    /** Reads a GLE session and rebuilds its run; an RNN session or any problem is reported like a file error. */
    public static Session load(Path file) throws ExperimentFileException {
        Saved saved = loadAny(file);
        if (saved instanceof Session s) return s;
        throw new ExperimentFileException(file, "model", "expected a GLE session, found an rnn session (open it in the app)");
    }

    /** Reads a session of either model; problems are reported like experiment-file errors. */
    public static Saved loadAny(Path file) throws ExperimentFileException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ExperimentFileException(file, "", "cannot read the session: " + e.getMessage());
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new ExperimentFileException(file, "format", "expected \"" + FORMAT + "\": not a Prospect session file");
        }
        int version = root.path("version").asInt();
        if (version != 1 && version != VERSION) {
            throw new ExperimentFileException(file, "version", "expected 1 or " + VERSION + ", found " + root.path("version"));
        }
        if (!root.path("experiment").isTextual()) {
            throw new ExperimentFileException(file, "experiment", "expected the experiment file's text");
        }
        ExperimentText source = new ExperimentText(Path.of(root.path("experimentFile").asText()),
                root.path("experiment").asText());
        String model = root.path("model").asText("gle");
        if (model.equals("rnn")) return loadRnn(file, root, source);
        if (!model.equals("gle")) throw new ExperimentFileException(file, "model", "expected \"gle\" or \"rnn\", found \"" + model + "\"");
        List<ExperimentFile.Learner> learners = ExperimentFile.loadLearners(source);
        // Version 1 saved the primary learner only, at the top level.
        List<JsonNode> states = new ArrayList<>();
        if (version == 1) {
            states.add(root);
            learners = List.of(learners.get(0));
        } else {
            root.path("learners").forEach(states::add);
        }
        if (states.size() != learners.size()) {
            throw new ExperimentFileException(file, "learners", "expected " + learners.size() + " saved learners (as in "
                    + source.file().getFileName() + "), found " + states.size());
        }
        List<GleSimulation> sims = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            String field = version == 1 ? "" : "learners[" + i + "]";
            sims.add(readState(file, field, states.get(i), learners.get(i).experiment()));
        }
        return new Session(source, learners, List.copyOf(sims));
    }

    private static RnnSession loadRnn(Path file, JsonNode root, ExperimentText source) throws ExperimentFileException {
        if (!(ExperimentFile.loadAny(source) instanceof RnnExperiment e)) {
            throw new ExperimentFileException(file, "model", "the session says rnn, but its experiment is a GLE experiment");
        }
        try {
            RnnExperiment inForce = e.withLearningRate(root.path("learningRate").asDouble());
            if (root.has("mu")) inForce = inForce.withMu(root.path("mu").asDouble());
            List<RnnTrainer.Saved> trainers = new ArrayList<>();
            for (JsonNode t : root.path("rules")) {
                trainers.add(new RnnTrainer.Saved(vector(t.get("wIn")), vector(t.get("w")), vector(t.get("wOut")),
                        vector(t.get("bOut")), matrix(t.get("moments")), t.path("updates").asLong(),
                        t.path("iteration").asInt(), t.path("learning").asBoolean()));
            }
            RnnRunState state = new RnnRunState(inForce, root.path("iteration").asInt(), root.path("learning").asBoolean(),
                    new RnnComparison.Saved(trainers, root.path("stream").asText()), vector(root.get("history")));
            // Built once here, so a state that does not fit is refused now, naming the file, not when the run starts.
            inForce.newComparison().restore(state.comparison());
            if (state.history().length != state.iteration() * inForce.rules().size() * RnnHistory.COLUMNS) {
                throw new IllegalArgumentException("the metrics history does not have one row per iteration");
            }
            return new RnnSession(source, state);
        } catch (RuntimeException ex) {
            throw new ExperimentFileException(file, "", "the saved state does not fit the experiment: " + ex.getMessage());
        }
    }

    private static void writeState(ObjectNode root, SimulationState s) {
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
    }

    private static GleSimulation readState(Path file, String field, JsonNode root, GleExperiment experiment)
            throws ExperimentFileException {
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
            throw new ExperimentFileException(file, field, "the saved state does not fit the experiment: " + e.getMessage());
        }
        return sim;
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
