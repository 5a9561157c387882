package org.prospect.app.controls;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A red strip across the window for what stopped the run (divergence, engine error), amber for a warning. */
public final class Banner {
    private final HBox box;
    private final Label message = new Label();

    public Banner() {
        message.setId("banner-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        Button dismiss = new Button("✕");
        dismiss.setFocusTraversable(false);
        dismiss.setOnAction(e -> hide());
        box = new HBox(message, dismiss);
        box.setId("banner");
        box.getStyleClass().add("banner");
        hide();
    }

    public HBox node() { return box; }

    /** Call on the FX thread. */
    public void show(String text) {
        show(text, false);
    }

    /** A warning (amber) rather than a stop (red), e.g. settings that could not be read. */
    public void show(String text, boolean warning) {
        box.getStyleClass().remove("warning");
        if (warning) box.getStyleClass().add("warning");
        message.setText(text);
        box.setVisible(true);
        box.setManaged(true);
    }

    public void hide() {
        box.setVisible(false);
        box.setManaged(false);
    }

    public boolean isShowing() { return box.isVisible(); }

    public String text() { return message.getText(); }
}
