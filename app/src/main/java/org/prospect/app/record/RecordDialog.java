package org.prospect.app.record;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.prospect.engine.experiment.GleSimulation;
import org.prospect.engine.run.SimulationRunner;

/**
 * The Record dialog: view, resolution (presets or custom), frames per simulated time unit, duration,
 * format and output; a progress bar with the time left, and Cancel. Recording pauses the live run and
 * records a fresh simulation of the same experiment from t = 0 (live edits made in the window are not
 * carried over); the live run resumes afterwards if it was playing.
 */
public final class RecordDialog {
    static final String[] PRESETS = {"1280x720", "1920x1080", "3840x2160", "custom"};

    private final SimulationRunner runner;
    private final RecordableViews views = RecordableViews.standard();
    private final Stage stage = new Stage();
    private final ComboBox<String> view = new ComboBox<>();
    private final ComboBox<String> resolution = new ComboBox<>();
    private final TextField customSize = new TextField("1600x900");
    private final TextField framesPerUnit = new TextField("30");
    private final TextField duration = new TextField("10");
    private final ComboBox<VideoFormat> format = new ComboBox<>();
    private final TextField output = new TextField();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label message = new Label();
    private final Button record = new Button("Record");
    private final Button cancel = new Button("Close");
    private volatile Recorder recorder;

    public RecordDialog(SimulationRunner runner, Window owner) {
        this.runner = runner;
        stage.setTitle("Record animation");
        if (owner != null) stage.initOwner(owner);
        view.getItems().addAll(views.names());
        view.setValue(RecordableViews.DASHBOARD);
        view.setId("record-view");
        resolution.getItems().addAll(PRESETS);
        resolution.setValue("1920x1080");
        resolution.setId("record-resolution");
        customSize.setId("record-custom-size");
        framesPerUnit.setId("record-fps-per-unit");
        duration.setId("record-duration");
        customSize.disableProperty().bind(resolution.valueProperty().isNotEqualTo("custom"));
        format.getItems().addAll(VideoFormat.values());
        format.setValue(VideoFormat.MP4);
        format.setId("record-format");
        output.setText(Path.of(System.getProperty("user.home"), "prospect.mp4").toString());
        output.setId("record-output");
        output.setPrefColumnCount(28);
        format.valueProperty().addListener((o, was, now) -> output.setText(withFormat(output.getText(), now)));
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> choose());
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setId("record-progress");
        message.setId("record-message");
        message.setWrapText(true);
        record.setId("record-start");
        record.setDefaultButton(true);
        record.setOnAction(e -> start());
        cancel.setId("record-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> cancelOrClose());
        stage.setOnCloseRequest(e -> {
            if (recorder != null) recorder.cancel();
        });

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new Insets(16));
        int r = 0;
        grid.addRow(r++, new Label("View"), view);
        grid.addRow(r++, new Label("Resolution"), new HBox(8, resolution, customSize));
        grid.addRow(r++, new Label("Frames per τ"), framesPerUnit);
        grid.addRow(r++, new Label("Duration (τ)"), duration);
        grid.addRow(r++, new Label("Format"), format);
        grid.addRow(r++, new Label("Output"), new HBox(8, output, choose));
        grid.add(progress, 0, r++, 2, 1);
        grid.add(message, 0, r++, 2, 1);
        HBox buttons = new HBox(10, record, cancel);
        grid.add(buttons, 1, r);
        Scene scene = new Scene(grid);
        java.net.URL css = RecordDialog.class.getResource(OffscreenHost.STYLESHEET);
        if (css != null) scene.getStylesheets().add(css.toExternalForm());
        stage.setScene(scene);
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    Stage stage() { return stage; }

    private static String withFormat(String path, VideoFormat f) {
        String base = path.replaceFirst("\\.(mp4|gif|png)$", "");
        return f == VideoFormat.PNG ? base + "-frames" : base.replaceFirst("-frames$", "") + "." + f.id();
    }

    private void choose() {
        Path current = Path.of(output.getText().isBlank() ? System.getProperty("user.home") : output.getText());
        java.io.File chosen;
        if (format.getValue() == VideoFormat.PNG) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Directory for the PNG frames (new or empty)");
            chosen = chooser.showDialog(stage);
        } else {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(current.getFileName() == null ? "" : current.getFileName().toString());
            if (current.getParent() != null && current.getParent().toFile().isDirectory()) {
                chooser.setInitialDirectory(current.getParent().toFile());
            }
            chosen = chooser.showSaveDialog(stage);
        }
        if (chosen != null) output.setText(chosen.getPath());
    }

    /** Reads the form; IllegalArgumentException with a readable reason. */
    RecordingSpec spec() {
        String size = "custom".equals(resolution.getValue()) ? customSize.getText() : resolution.getValue();
        int[] wh = RecordingSpec.parseSize(size);
        double fpu = number(framesPerUnit, "frames per τ");
        double length = number(duration, "duration");
        if (output.getText().isBlank()) throw new IllegalArgumentException("choose an output file");
        return new RecordingSpec(view.getValue(), wh[0], wh[1], fpu, length, 0, 30, format.getValue(), Path.of(output.getText()));
    }

    private static double number(TextField field, String what) {
        try {
            return Double.parseDouble(field.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": expected a number, got '" + field.getText() + "'");
        }
    }

    private void start() {
        RecordingSpec spec;
        try {
            spec = spec();
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
            return;
        }
        boolean wasRunning = runner.isRunning();
        runner.pause();
        Recorder r = new Recorder();
        recorder = r;
        record.setDisable(true);
        cancel.setText("Cancel");
        progress.setProgress(0);
        message.setText("Starting…");
        GleSimulation simulation = new GleSimulation(runner.experiment());
        Thread thread = new Thread(() -> {
            String done;
            try {
                Recorder.Result result = r.record(spec, simulation, views, stage, (k, total, left) ->
                        Platform.runLater(() -> {
                            progress.setProgress(k / (double) total);
                            message.setText(String.format(Locale.ROOT, "Frame %d of %d — %s left", k, total, formatSeconds(left)));
                        }));
                done = String.format(Locale.ROOT, "Wrote %s (%d frames in %.1f s)", result.output(), result.frames(), result.seconds());
            } catch (CancellationException e) {
                done = "Cancelled; nothing was written.";
            } catch (Exception | Error e) {
                done = "Recording failed, nothing was written: " + (e.getMessage() == null ? e : e.getMessage());
            }
            String text = done;
            Platform.runLater(() -> {
                recorder = null;
                message.setText(text);
                record.setDisable(false);
                cancel.setText("Close");
                if (wasRunning) runner.play();
            });
        }, "prospect-record");
        thread.setDaemon(true);
        thread.start();
    }

    private void cancelOrClose() {
        Recorder r = recorder;
        if (r != null) {
            r.cancel();
            message.setText("Cancelling…");
        } else {
            stage.close();
        }
    }

    /** "1 min 05 s", "12 s", "—" when unknown. */
    public static String formatSeconds(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) return "—";
        long s = Math.round(seconds);
        if (s < 60) return s + " s";
        return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
