package org.prospect.app.record;

import java.nio.file.Path;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Snapshot dialog: a figure of what the window shows now — a view as PNG at 1×/2×/4× or its charts as
 * SVG (light print theme). The image is taken on the FX thread; the file is written in the background.
 */
public final class SnapshotDialog {
    private final Map<String, Region> live;
    private final Stage stage = new Stage();
    private final ComboBox<String> view = new ComboBox<>();
    private final ComboBox<FigureExporter.Format> format = new ComboBox<>();
    private final ComboBox<Integer> scale = new ComboBox<>();
    private final TextField output = new TextField();
    private final Label message = new Label();

    public SnapshotDialog(Map<String, Region> live, Window owner) {
        this.live = live;
        stage.setTitle("Snapshot figure");
        if (owner != null) stage.initOwner(owner);
        view.getItems().addAll(live.keySet());
        view.setValue(live.keySet().iterator().next());
        format.getItems().addAll(FigureExporter.Format.values());
        format.setValue(FigureExporter.Format.PNG);
        scale.getItems().addAll(1, 2, 4);
        scale.setValue(2);
        scale.disableProperty().bind(format.valueProperty().isEqualTo(FigureExporter.Format.SVG));
        output.setText(Path.of(System.getProperty("user.home"), "prospect-figure.png").toString());
        output.setPrefColumnCount(28);
        format.valueProperty().addListener((o, was, now) ->
                output.setText(output.getText().replaceFirst("\\.(png|svg)$", "") + (now == FigureExporter.Format.SVG ? ".svg" : ".png")));
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            Path p = Path.of(output.getText());
            chooser.setInitialFileName(p.getFileName() == null ? "" : p.getFileName().toString());
            java.io.File f = chooser.showSaveDialog(stage);
            if (f != null) output.setText(f.getPath());
        });
        Button save = new Button("Save");
        save.setDefaultButton(true);
        save.setOnAction(e -> save());
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        message.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new Insets(16));
        grid.addRow(0, new Label("View"), view);
        grid.addRow(1, new Label("Format"), format);
        grid.addRow(2, new Label("Scale"), scale);
        grid.addRow(3, new Label("Output"), new HBox(8, output, choose));
        grid.add(message, 0, 4, 2, 1);
        grid.add(new HBox(10, save, close), 1, 5);
        Scene scene = new Scene(grid);
        java.net.URL css = SnapshotDialog.class.getResource(OffscreenHost.STYLESHEET);
        if (css != null) scene.getStylesheets().add(css.toExternalForm());
        stage.setScene(scene);
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    private void save() {
        Region node = live.get(view.getValue());
        Path target = Path.of(output.getText());
        try {
            if (format.getValue() == FigureExporter.Format.SVG) {
                String svg = FigureExporter.svg(FigureExporter.chartsIn(node));
                inBackground(() -> FigureExporter.writeSvg(svg, target), target);
            } else {
                WritableImage image = FigureExporter.snapshot(node, scale.getValue());
                inBackground(() -> FigureExporter.writePng(image, target), target);
            }
        } catch (Exception e) {
            message.setText("Not saved: " + e.getMessage());
        }
    }

    private interface Write {
        void run() throws Exception;
    }

    private void inBackground(Write write, Path target) {
        message.setText("Writing…");
        Thread t = new Thread(() -> {
            String text;
            try {
                write.run();
                text = "Wrote " + target.toAbsolutePath();
            } catch (Exception e) {
                text = "Not saved: " + e.getMessage();
            }
            String shown = text;
            Platform.runLater(() -> message.setText(shown));
        }, "prospect-snapshot");
        t.setDaemon(true);
        t.start();
    }
}
