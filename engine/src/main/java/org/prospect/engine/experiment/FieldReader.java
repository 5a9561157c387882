package org.prospect.engine.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * One JSON value of an experiment file together with its field path ({@code network.layers[1].tauM[0]}),
 * with validating accessors: every failure is an {@link ExperimentFileException} naming the file, the
 * path, what was expected and what was found.
 */
final class FieldReader {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Path file;
    private final String path;
    private final JsonNode node;

    private FieldReader(Path file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** Parses {@code text} (the contents of {@code file}); malformed JSON is reported with line and column. */
    static FieldReader parse(Path file, String text) throws ExperimentFileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ExperimentFileException(file, "", "malformed JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new ExperimentFileException(file, "", "malformed JSON: the file is empty");
        }
        return new FieldReader(file, "", root);
    }

    /** The root of an already parsed (and possibly edited) file. */
    static FieldReader of(Path file, JsonNode root) {
        return new FieldReader(file, "", root);
    }

    /** Parses a setting's value as a JSON literal, e.g. {@code 0.5}, {@code true}, {@code [1, 2]}. */
    static JsonNode literal(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    String path() { return path; }

    /** The experiment file this value comes from. */
    Path file() { return file; }

    JsonNode node() { return node; }

    ExperimentFileException error(String problem) {
        return new ExperimentFileException(file, path, problem);
    }

    /** "expected X, found Y" for this value. */
    ExperimentFileException expected(String what) {
        return error("expected " + what + ", found " + describe(node));
    }

    // ---- objects ----

    /** Checks this is an object whose fields are all among {@code allowed}. */
    FieldReader object(String... allowed) throws ExperimentFileException {
        if (!node.isObject()) throw expected("an object");
        List<String> names = Arrays.asList(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                throw child(name, node.get(name)).error("unknown field \"" + name + "\"; allowed fields here: "
                        + String.join(", ", allowed));
            }
        }
        return this;
    }

    boolean has(String name) {
        return node.isObject() && node.has(name);
    }

    /** The field {@code name}, which must be present. */
    FieldReader required(String name) throws ExperimentFileException {
        if (!has(name)) throw child(name, null).error("missing required field \"" + name + "\"");
        return child(name, node.get(name));
    }

    /** The field {@code name}, which must be present; {@code why} says why it is required here. */
    FieldReader required(String name, String why) throws ExperimentFileException {
        if (!has(name)) throw child(name, null).error("missing required field \"" + name + "\" (" + why + ")");
        return child(name, node.get(name));
    }

    /** The field {@code name}, or {@code null} when absent. */
    FieldReader optional(String name) {
        return has(name) ? child(name, node.get(name)) : null;
    }

    /** The single one of {@code names} present in this object; an error when none or several are. */
    String exactlyOneOf(String... names) throws ExperimentFileException {
        String found = null;
        for (String n : names) {
            if (has(n)) {
                if (found != null) {
                    throw error("expected exactly one of " + quoted(names) + ", found both \"" + found
                            + "\" and \"" + n + "\"");
                }
                found = n;
            }
        }
        if (found == null) throw error("expected exactly one of " + quoted(names) + ", found none");
        return found;
    }

    private FieldReader child(String name, JsonNode value) {
        return new FieldReader(file, path.isEmpty() ? name : path + "." + name, value);
    }

    // ---- arrays ----

    boolean isArray() { return node.isArray(); }

    boolean isObject() { return node.isObject(); }

    boolean isNumber() { return node.isNumber(); }

    /** The elements of this array. */
    List<FieldReader> elements() throws ExperimentFileException {
        if (!node.isArray()) throw expected("an array");
        List<FieldReader> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) out.add(new FieldReader(file, path + "[" + i + "]", node.get(i)));
        return out;
    }

    /**
     * The elements of this array, which must number exactly {@code n}; {@code what} names one element,
     * {@code note} (may be null) explains the count.
     */
    List<FieldReader> elements(int n, String what, String note) throws ExperimentFileException {
        List<FieldReader> e = elements();
        if (e.size() != n) {
            throw error("expected " + count(n, what) + (note == null ? "" : " (" + note + ")") + ", found " + e.size());
        }
        return e;
    }

    /** The elements of this array, at least {@code min} of them. */
    List<FieldReader> atLeast(int min, String what) throws ExperimentFileException {
        List<FieldReader> e = elements();
        if (e.size() < min) throw error("expected at least " + count(min, what) + ", found " + e.size());
        return e;
    }

    /** An array of finite numbers. */
    double[] numbers() throws ExperimentFileException {
        List<FieldReader> e = elements();
        double[] out = new double[e.size()];
        for (int i = 0; i < out.length; i++) out[i] = e.get(i).number();
        return out;
    }

    // ---- scalars ----

    String string() throws ExperimentFileException {
        if (!node.isTextual()) throw expected("a string");
        return node.textValue();
    }

    boolean bool() throws ExperimentFileException {
        if (!node.isBoolean()) throw expected("true or false");
        return node.booleanValue();
    }

    /** A finite number. */
    double number() throws ExperimentFileException {
        if (!node.isNumber()) throw expected("a number");
        double v = node.doubleValue();
        if (!Double.isFinite(v)) throw expected("a finite number");
        return v;
    }

    /** A finite number ≥ {@code min}; {@code bound} explains the bound (e.g. "dt = 0.01"). */
    double numberAtLeast(double min, String bound) throws ExperimentFileException {
        double v = number();
        if (!(v >= min)) throw expected("a number ≥ " + bound);
        return v;
    }

    /** A finite number &gt; 0. */
    double positive() throws ExperimentFileException {
        double v = number();
        if (!(v > 0)) throw expected("a number > 0");
        return v;
    }

    /** A whole number that fits a long. */
    long integer() throws ExperimentFileException {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) throw expected("an integer");
        return node.longValue();
    }

    /** A whole number in [min, Integer.MAX_VALUE]. */
    int intAtLeast(int min) throws ExperimentFileException {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) throw expected("an integer ≥ " + min);
        int v = node.intValue();
        if (v < min) throw expected("an integer ≥ " + min);
        return v;
    }

    /** One of the given lower-case names. */
    String choice(String... allowed) throws ExperimentFileException {
        String what = "one of " + quoted(allowed);
        if (!node.isTextual()) throw expected(what);
        String s = node.textValue();
        if (!Arrays.asList(allowed).contains(s)) throw expected(what);
        return s;
    }

    // ---- messages ----

    static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    static String quoted(String... names) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (i > 0) b.append(", ");
            b.append('"').append(names[i]).append('"');
        }
        return b.toString();
    }

    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) return "nothing";
        if (n.isNull()) return "null";
        if (n.isTextual()) return "the string \"" + n.textValue() + "\"";
        if (n.isBoolean()) return String.valueOf(n.booleanValue());
        if (n.isNumber()) {
            double v = n.doubleValue();
            if (Double.isNaN(v)) return "NaN";
            if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
            return "the number " + n.asText();
        }
        if (n.isArray()) return "an array of " + count(n.size(), "element");
        if (n.isObject()) return "an object";
        return n.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
