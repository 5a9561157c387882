package org.prospect.app;

import java.net.URL;
import javafx.scene.Scene;

/** The stylesheet from assets/, copied into the jar at build so the jar is self-contained. */
final class Styles {
    static final String LIGHT = "assets/prospect.css";

    private Styles() {}

    static void apply(Scene scene) {
        URL css = Styles.class.getResource(LIGHT);
        if (css != null) scene.getStylesheets().add(css.toExternalForm());
    }
}
