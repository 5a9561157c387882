package org.prospect.engine.experiment;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads experiment files (JSON, format in the README) into fully resolved experiments.
 */
public final class ExperimentFile {
    private ExperimentFile() {}

    /**
     * Reads, validates and resolves {@code file}: every random draw is made with the file's seed, so the same
     * file always gives the same experiment. Either the whole experiment or an exception naming the file,
     * the field path and what was expected.
     */
    public static GleExperiment load(Path file) throws ExperimentFileException {
        return load(file, Settings.none());
    }

    /**
     * Like {@link #load(Path)}, with {@code settings} applied to the file's fields before validation. A GLE
     * experiment only: an {@code "model": "rnn"} file is an error that says to use {@link #loadAny}.
     */
    public static GleExperiment load(Path file, Settings settings) throws ExperimentFileException {
        FieldReader root = FieldReader.parse(file, read(file));
        if (!settings.values().isEmpty()) root = FieldReader.of(file, settings.applyTo(file, root.node()));
        refuseRnn(root);
        return learners(file, root).get(0).experiment();
    }

    /**
     * Reads an experiment from {@code text} as if it were the contents of {@code file} (relative data paths
     * resolve against the file's folder): how a saved session re-creates its experiment.
     */
    public static GleExperiment loadText(Path file, String text) throws ExperimentFileException {
        return learners(file, FieldReader.parse(file, text)).get(0).experiment();
    }

    /** Like {@link #loadAny(Path)}, from text already read (see {@link ExperimentText}). */
    public static Experiment loadAny(ExperimentText source) throws ExperimentFileException {
        return resolveAny(source.file(), FieldReader.parse(source.file(), source.text()));
    }

    /** Like {@link #loadLearners(Path)}, from text already read (see {@link ExperimentText}). */
    public static List<Learner> loadLearners(ExperimentText source) throws ExperimentFileException {
        FieldReader root = FieldReader.parse(source.file(), source.text());
        refuseRnn(root);
        return learners(source.file(), root);
    }

    /**
     * Reads any experiment file, of either model: a {@link GleExperiment} (the first learner of a comparison
     * file) or an {@link RnnExperiment}. The same validation and errors as {@link #load(Path)}.
     */
    public static Experiment loadAny(Path file) throws ExperimentFileException {
        return loadAny(file, Settings.none());
    }

    /** Like {@link #loadAny(Path)}, with {@code settings} applied to the file's fields before validation. */
    public static Experiment loadAny(Path file, Settings settings) throws ExperimentFileException {
        FieldReader root = FieldReader.parse(file, read(file));
        if (!settings.values().isEmpty()) root = FieldReader.of(file, settings.applyTo(file, root.node()));
        return resolveAny(file, root);
    }

    /** Either model's experiment from its fields: RNN by {@code model}, else GLE (a comparison file's first learner). */
    private static Experiment resolveAny(Path file, FieldReader root) throws ExperimentFileException {
        if (isRnn(root)) return resolveRnn(file, root);
        return learners(file, root).get(0).experiment();
    }

    /** Whether the file's {@code model} is {@code "rnn"} (anything else is read, and checked, as GLE). */
    private static boolean isRnn(FieldReader root) {
        FieldReader model = root.isObject() ? root.optional("model") : null;
        return model != null && model.node().isTextual() && "rnn".equals(model.node().textValue());
    }

    private static void refuseRnn(FieldReader root) throws ExperimentFileException {
        if (isRnn(root)) {
            throw root.optional("model").error("\"rnn\" is a delayed-XOR RNN experiment, not a GLE one: open it with "
                    + "ExperimentFile.loadAny (the app and `prospect run` do)");
        }
    }

    private static RnnExperiment resolveRnn(Path file, FieldReader root) throws ExperimentFileException {
        try {
            return RnnExperimentReader.read(root);
        } catch (IllegalArgumentException e) {
            throw new ExperimentFileException(file, "", "invalid experiment: " + e.getMessage());
        }
    }

    /**
     * One learner of a comparison file: its label, its experiment (the file with the learner's settings) and
     * those settings (none for a file without {@code learners}).
     */
    public record Learner(String label, GleExperiment experiment, Settings settings) {
        public Learner(String label, GleExperiment experiment) {
            this(label, experiment, Settings.none());
        }
    }

    /**
     * All learners of {@code file}. A file without {@code learners} is one learner named after the experiment;
     * with {@code learners}, each is the rest of the file with that learner's {@code set} applied, validated
     * like a file of its own; all share the seed, so they start from the same state on the same input stream.
     */
    public static List<Learner> loadLearners(Path file) throws ExperimentFileException {
        FieldReader root = FieldReader.parse(file, read(file));
        refuseRnn(root);
        return learners(file, root);
    }

    /**
     * Writes {@code source} with {@code settings} applied (field paths as in {@link Settings}) to {@code out}:
     * the experiment with the parameters in force. The result is validated like a hand-written file before
     * anything is written, and written atomically. A relative data-set folder is rewritten to stay valid
     * when {@code out} is in another folder than {@code source}.
     */
    public static void write(Path source, Settings settings, Path out) throws ExperimentFileException, java.io.IOException {
        write(new ExperimentText(source, read(source)), settings, out);
    }

    /** Like {@link #write(Path, Settings, Path)}, from the text the run was opened with. */
    public static void write(ExperimentText opened, Settings settings, Path out) throws ExperimentFileException, java.io.IOException {
        Path source = opened.file();
        FieldReader root = FieldReader.parse(source, opened.text());
        JsonNode edited = settings.applyTo(source, root.node());
        JsonNode directory = edited.path("target").path("dataset").path("directory");
        Path from = source.toAbsolutePath().getParent();
        Path to = out.toAbsolutePath().getParent();
        if (directory.isTextual() && !Path.of(directory.asText()).isAbsolute() && from != null && !from.equals(to)) {
            Path resolved = from.resolve(directory.asText()).normalize();
            String rewritten = to == null ? resolved.toString() : to.relativize(resolved).toString();
            ((ObjectNode) edited.get("target").get("dataset")).put("directory", rewritten.replace('\\', '/'));
        }
        String text = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(edited) + "\n";
        resolveAny(out, FieldReader.parse(out, text)); // the same checks as opening it would make
        org.prospect.engine.trace.AtomicFiles.write(out, w -> w.write(text));
    }

    private static String read(Path file) throws ExperimentFileException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ExperimentFileException(file, "", "not a UTF-8 text file");
        } catch (IOException e) {
            throw new ExperimentFileException(file, "", "cannot read the file: " + e);
        }
    }

    private static List<Learner> learners(Path file, FieldReader root) throws ExperimentFileException {
        if (!root.isObject()) throw root.expected("an object");
        ObjectNode base = ((ObjectNode) root.node()).deepCopy();
        JsonNode learnersNode = base.remove("learners");
        if (learnersNode == null) {
            GleExperiment e = resolve(file, FieldReader.of(file, base));
            return List.of(new Learner(e.name(), e));
        }
        FieldReader learnersField = FieldReader.of(file, root.node()).required("learners");
        List<Learner> out = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (FieldReader l : learnersField.atLeast(1, "learner")) {
            l.object("label", "set");
            FieldReader labelField = l.required("label");
            String label = labelField.string();
            if (!labels.add(label)) throw labelField.error("the label \"" + label + "\" is used twice");
            Map<String, String> values = new LinkedHashMap<>();
            FieldReader set = l.optional("set");
            if (set != null) {
                set.object(fieldNames(set.node()));
                for (Iterator<Map.Entry<String, JsonNode>> it = set.node().fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    values.put(e.getKey(), e.getValue().toString());
                }
            }
            try {
                JsonNode edited = new Settings(values).applyTo(file, base);
                out.add(new Learner(label, resolve(file, FieldReader.of(file, edited)), new Settings(values)));
            } catch (ExperimentFileException e) {
                throw new ExperimentFileException(file, l.path() + " (\"" + label + "\"): " + e.field(), e.problem());
            }
        }
        return out;
    }

    private static String[] fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.toArray(String[]::new);
    }

    private static GleExperiment resolve(Path file, FieldReader root) throws ExperimentFileException {
        try {
            return ExperimentReader.read(root);
        } catch (IllegalArgumentException e) {
            // The readers validate before constructing; this is a safety net so nothing escapes unnamed.
            throw new ExperimentFileException(file, "", "invalid experiment: " + e.getMessage());
        }
    }
}
