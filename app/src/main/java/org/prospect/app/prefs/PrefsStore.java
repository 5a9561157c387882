package org.prospect.app.prefs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.prospect.engine.trace.AtomicFiles;

/**
 * Keeps {@link Prefs} in a small JSON file ({@code settings.json} in the user's config folder, or in
 * {@code -Dprospect.config=DIR}). Writes go to a temporary file renamed into place, so a crash mid-write
 * never loses the settings; a file that cannot be read gives the defaults and a warning, never a crash.
 */
public final class PrefsStore {
    public static final String CONFIG_PROPERTY = "prospect.config";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public PrefsStore(Path file) {
        this.file = file;
    }

    /** settings.json in -Dprospect.config, else $XDG_CONFIG_HOME/prospect, else ~/.config/prospect. */
    public static PrefsStore standard() {
        String dir = System.getProperty(CONFIG_PROPERTY);
        Path folder;
        if (dir != null && !dir.isBlank()) {
            folder = Path.of(dir);
        } else {
            String xdg = System.getenv("XDG_CONFIG_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
            folder = base.resolve("prospect");
        }
        return new PrefsStore(folder.resolve("settings.json"));
    }

    public Path file() { return file; }

    /** What was read, and a warning to show when the file existed but could not be used (else null). */
    public record Loaded(Prefs prefs, String warning) {}

    public Loaded load() {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            return new Loaded(Prefs.defaults(), null);
        } catch (IOException | RuntimeException e) {
            return new Loaded(Prefs.defaults(), warning(e.getMessage()));
        }
        if (root == null || !root.isObject()) return new Loaded(Prefs.defaults(), warning("not a JSON object"));
        try {
            Prefs d = Prefs.defaults();
            String last = text(root, "lastFile");
            Prefs p = new Prefs(number(root, "x", d.x()), number(root, "y", d.y()),
                    number(root, "width", d.width()), number(root, "height", d.height()),
                    root.path("maximized").asBoolean(false), Theme.parse(text(root, "theme")),
                    root.path("lecture").asBoolean(false), last == null || last.isBlank() ? null : Path.of(last));
            return new Loaded(p, null);
        } catch (InvalidPathException e) {
            return new Loaded(Prefs.defaults(), warning(e.getMessage()));
        }
    }

    private String warning(String why) {
        String firstLine = why == null ? "unreadable" : why.lines().findFirst().orElse("unreadable");
        return "Settings file " + file + " could not be read (" + firstLine + "); using the defaults";
    }

    private static double number(JsonNode root, String field, double fallback) {
        JsonNode n = root.get(field);
        return n != null && n.isNumber() ? n.asDouble() : fallback;
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    public void save(Prefs p) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        if (p.hasPosition()) {
            o.put("x", p.x());
            o.put("y", p.y());
        }
        o.put("width", p.width());
        o.put("height", p.height());
        o.put("maximized", p.maximized());
        o.put("theme", p.theme().key());
        o.put("lecture", p.lecture());
        if (p.lastFile() != null) o.put("lastFile", p.lastFile().toAbsolutePath().toString());
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
        AtomicFiles.write(file, w -> w.write(text));
    }
}
