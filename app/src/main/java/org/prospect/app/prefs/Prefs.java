package org.prospect.app.prefs;

import java.nio.file.Path;

/**
 * What the window remembers between launches.
 *
 * @param x         window position, or NaN for "centre it"
 * @param y         window position, or NaN for "centre it"
 * @param lastFile  the experiment file opened last, or null
 */
public record Prefs(double x, double y, double width, double height, boolean maximized, Theme theme,
                    boolean lecture, Path lastFile) {
    public static final double DEFAULT_WIDTH = 1440;
    public static final double DEFAULT_HEIGHT = 900;

    public Prefs {
        if (theme == null) theme = Theme.LIGHT;
        if (!(width >= 200) || !Double.isFinite(width)) width = DEFAULT_WIDTH;
        if (!(height >= 150) || !Double.isFinite(height)) height = DEFAULT_HEIGHT;
    }

    public static Prefs defaults() {
        return new Prefs(Double.NaN, Double.NaN, DEFAULT_WIDTH, DEFAULT_HEIGHT, false, Theme.LIGHT, false, null);
    }

    public boolean hasPosition() { return Double.isFinite(x) && Double.isFinite(y); }

    public Prefs withTheme(Theme t) { return new Prefs(x, y, width, height, maximized, t, lecture, lastFile); }

    public Prefs withLecture(boolean on) { return new Prefs(x, y, width, height, maximized, theme, on, lastFile); }

    public Prefs withLastFile(Path f) { return new Prefs(x, y, width, height, maximized, theme, lecture, f); }

    public Prefs withBounds(double nx, double ny, double w, double h, boolean max) {
        return new Prefs(nx, ny, w, h, max, theme, lecture, lastFile);
    }
}
