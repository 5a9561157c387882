package org.prospect.engine.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field edits applied to an experiment file's JSON before it is validated, addressed by the same field
 * paths the error messages use: {@code dynamics.gamma}, {@code network.layers[1].tauM}. Sweeps, comparison
 * runs and the app's parameter sheet all change experiments this way, so every edit is validated exactly
 * like a hand-written file.
 */
public record Settings(Map<String, String> values) {
    private static final Pattern STEP = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)((?:\\[\\d+])*)");

    public Settings {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Settings none() { return new Settings(Map.of()); }

    /** A signal as the value of a setting (e.g. of {@code input}): its JSON in the experiment-file format. */
    public static String value(org.prospect.engine.task.SignalSpec spec) {
        return SignalJson.write(spec).toString();
    }

    /** These settings followed by {@code more} (a later value for the same path wins). */
    public Settings with(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(values);
        all.putAll(more);
        return new Settings(all);
    }

    /** Applies every setting to a copy of {@code root}. A value that is not JSON is taken as a string. */
    JsonNode applyTo(Path file, JsonNode root) throws ExperimentFileException {
        JsonNode copy = root.deepCopy();
        for (Map.Entry<String, String> e : values.entrySet()) {
            set(file, copy, e.getKey(), value(e.getValue()));
        }
        return copy;
    }

    private static JsonNode value(String text) {
        try {
            return FieldReader.literal(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }

    private static void set(Path file, JsonNode root, String path, JsonNode value) throws ExperimentFileException {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        String walked = "";
        for (int p = 0; p < parts.length; p++) {
            Matcher m = STEP.matcher(parts[p]);
            if (!m.matches()) throw new ExperimentFileException(file, path, "not a field path (expected e.g. dynamics.gamma)");
            String name = m.group(1);
            String[] indices = m.group(2).isEmpty() ? new String[0] : m.group(2).substring(1).split("\\]\\[|\\]");
            boolean last = p == parts.length - 1;
            walked = walked.isEmpty() ? name : walked + "." + name;
            if (!(node instanceof ObjectNode object)) {
                throw new ExperimentFileException(file, path, "cannot set: " + walked + " is not inside an object");
            }
            if (last && indices.length == 0) {
                object.set(name, value);
                return;
            }
            node = object.get(name);
            if (node == null) throw new ExperimentFileException(file, path, "cannot set: the file has no field " + walked);
            for (int i = 0; i < indices.length; i++) {
                int index = Integer.parseInt(indices[i]);
                if (!(node instanceof ArrayNode array) || index >= array.size()) {
                    throw new ExperimentFileException(file, path, "cannot set: " + walked + " has no element " + index);
                }
                walked += "[" + index + "]";
                if (last && i == indices.length - 1) {
                    array.set(index, value);
                    return;
                }
                node = array.get(index);
            }
        }
    }
}
