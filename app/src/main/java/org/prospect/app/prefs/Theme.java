package org.prospect.app.prefs;

/** The window's colour scheme; lecture mode is separate and works with either. */
public enum Theme {
    LIGHT, DARK;

    public static Theme parse(String s) {
        return "dark".equalsIgnoreCase(s) ? DARK : LIGHT;
    }

    public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
}
