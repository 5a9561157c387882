package org.prospect.app.views;

import java.nio.file.Path;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A small window that shows how far a background export is and cancels it (the Cancel button or Esc). It closes
 * itself when the export ends, whichever way.
 */
public final class ExportProgress {
    private final Stage stage = new Stage();
    private final Button cancel = new Button("_Cancel");

    public ExportProgress(Window owner, Path out, Worker<?> export) {
        Label what = new Label("Regenerating the whole run into " + out.getFileName() + " …");
        ProgressBar bar = new ProgressBar();
        bar.setId("export-progress");
        bar.setPrefWidth(360);
        bar.progressProperty().bind(export.progressProperty());
        cancel.setId("export-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> export.cancel());
        VBox box = new VBox(10, what, bar, cancel);
        box.setPadding(new Insets(14));
        stage.setScene(new Scene(box));
        stage.setTitle("Exporting the whole run");
        if (owner != null) stage.initOwner(owner);
        export.runningProperty().addListener((o, was, now) -> {
            if (!now) stage.close();
        });
    }

    public void show() { stage.show(); }

    public Stage stage() { return stage; }

    public Button cancelButton() { return cancel; }
}
