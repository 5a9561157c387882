package org.prospect.app;

import java.net.URL;
import java.util.List;
import javafx.scene.Scene;
import org.prospect.app.prefs.Theme;

/**
 * The stylesheets from assets/, copied into the jar at build so the jar is self-contained: prospect.css
 * (light, always), dark.css over it for the dark theme, lecture.css over either for lecture mode. The
 * scene's root also gets the style classes {@code dark} and {@code lecture}.
 */
final class Styles {
    static final String LIGHT = "assets/prospect.css";
    static final String DARK = "assets/dark.css";
    static final String LECTURE = "assets/lecture.css";

    private Styles() {}

    static void apply(Scene scene) {
        apply(scene, Theme.LIGHT, false);
    }

    static void apply(Scene scene, Theme theme, boolean lecture) {
        List<String> sheets = new java.util.ArrayList<>();
        add(sheets, LIGHT);
        if (theme == Theme.DARK) add(sheets, DARK);
        if (lecture) add(sheets, LECTURE);
        scene.getStylesheets().setAll(sheets);
        var classes = scene.getRoot().getStyleClass();
        toggle(classes, "dark", theme == Theme.DARK);
        toggle(classes, "lecture", lecture);
    }

    static String url(String resource) {
        URL css = Styles.class.getResource(resource);
        return css == null ? null : css.toExternalForm();
    }

    private static void add(List<String> sheets, String resource) {
        String u = url(resource);
        if (u != null) sheets.add(u);
    }

    private static void toggle(List<String> classes, String c, boolean on) {
        if (on && !classes.contains(c)) classes.add(c);
        if (!on) classes.remove(c);
    }
}
