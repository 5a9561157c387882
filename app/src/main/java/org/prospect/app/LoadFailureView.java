package org.prospect.app;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.prospect.app.controls.Banner;

/** What the window shows when there is no experiment to run: the reason, instead of dying. */
final class LoadFailureView {
    private LoadFailureView() {}

    static Parent create(String reason) {
        Banner banner = new Banner();
        banner.show("Could not open the experiment — " + reason);
        Label hint = new Label("Nothing to run. Open a sample from the samples/ folder.");
        hint.getStyleClass().add("hint");
        BorderPane root = new BorderPane(hint);
        root.setTop(banner.node());
        root.getStyleClass().add("main-window");
        return root;
    }
}
