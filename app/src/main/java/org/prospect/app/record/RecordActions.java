package org.prospect.app.record;

import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Region;
import org.prospect.engine.run.SimulationRunner;

/**
 * The window's way in: "Record…" (Ctrl+Shift+R) and "Snapshot…" (Ctrl+Shift+S) on a toolbar. One call
 * from the main window; the shortcuts are installed when the toolbar gets its scene.
 */
public final class RecordActions {
    public static final KeyCombination RECORD_KEY =
            new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination SNAPSHOT_KEY =
            new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final Supplier<SimulationRunner> runner;
    private final Supplier<Map<String, Region>> live;
    private SimulationRunner dialogRunner;
    private final ToolBar bar;
    private RecordDialog recordDialog;
    private SnapshotDialog snapshotDialog;

    private RecordActions(ToolBar bar, Supplier<SimulationRunner> runner, Supplier<Map<String, Region>> live) {
        this.bar = bar;
        this.runner = runner;
        this.live = live;
    }

    /**
     * Adds the buttons to {@code bar}.
     *
     * @param runner the current run's runner (null when nothing is open)
     * @param live   what the window shows now, by view name (for snapshots)
     */
    public static RecordActions install(ToolBar bar, Supplier<SimulationRunner> runner, Supplier<Map<String, Region>> live) {
        RecordActions actions = new RecordActions(bar, runner, live);
        Button record = new Button("Record…");
        record.setId("record");
        record.setTooltip(new Tooltip("Record an animation (Ctrl+Shift+R)"));
        record.setOnAction(e -> actions.openRecord());
        Button snapshot = new Button("Figure…");
        snapshot.setId("snapshot");
        snapshot.setTooltip(new Tooltip("Save a figure as PNG or SVG (Ctrl+Shift+S)"));
        snapshot.setOnAction(e -> actions.openSnapshot());
        record.setFocusTraversable(false);
        snapshot.setFocusTraversable(false);
        // Whole words even in lecture mode's larger font; the toolbar's overflow menu takes what does not fit.
        record.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        snapshot.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        bar.getItems().addAll(new Separator(), record, snapshot);
        bar.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) actions.installKeys(scene);
        });
        if (bar.getScene() != null) actions.installKeys(bar.getScene());
        return actions;
    }

    private void installKeys(Scene scene) {
        scene.getAccelerators().put(RECORD_KEY, this::openRecord);
        scene.getAccelerators().put(SNAPSHOT_KEY, this::openSnapshot);
    }

    public void openRecord() {
        SimulationRunner current = runner.get();
        if (current == null) return;
        // A new run (another file opened) gets a new dialog: the dialog records that run's experiment.
        if (recordDialog == null || dialogRunner != current) {
            recordDialog = new RecordDialog(current, bar.getScene() == null ? null : bar.getScene().getWindow());
            dialogRunner = current;
        }
        recordDialog.show();
    }

    public void openSnapshot() {
        Map<String, Region> views = live.get();
        if (views.isEmpty()) return;
        snapshotDialog = new SnapshotDialog(views, bar.getScene() == null ? null : bar.getScene().getWindow());
        snapshotDialog.show();
    }

    RecordDialog recordDialog() { return recordDialog; }
}
