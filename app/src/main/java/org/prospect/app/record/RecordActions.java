package org.prospect.app.record;

import java.util.Map;
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

    private final SimulationRunner runner;
    private final Map<String, Region> live;
    private final ToolBar bar;
    private RecordDialog recordDialog;
    private SnapshotDialog snapshotDialog;

    private RecordActions(ToolBar bar, SimulationRunner runner, Map<String, Region> live) {
        this.bar = bar;
        this.runner = runner;
        this.live = live;
    }

    /**
     * Adds the buttons to {@code bar}.
     *
     * @param live what the window shows now, by view name (for snapshots)
     */
    public static RecordActions install(ToolBar bar, SimulationRunner runner, Map<String, Region> live) {
        RecordActions actions = new RecordActions(bar, runner, live);
        Button record = new Button("Record…");
        record.setId("record");
        record.setTooltip(new Tooltip("Record an animation (Ctrl+Shift+R)"));
        record.setOnAction(e -> actions.openRecord());
        Button snapshot = new Button("Snapshot…");
        snapshot.setId("snapshot");
        snapshot.setTooltip(new Tooltip("Save a figure as PNG or SVG (Ctrl+Shift+S)"));
        snapshot.setOnAction(e -> actions.openSnapshot());
        record.setFocusTraversable(false);
        snapshot.setFocusTraversable(false);
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
        if (recordDialog == null) recordDialog = new RecordDialog(runner, bar.getScene() == null ? null : bar.getScene().getWindow());
        recordDialog.show();
    }

    public void openSnapshot() {
        if (snapshotDialog == null) snapshotDialog = new SnapshotDialog(live, bar.getScene() == null ? null : bar.getScene().getWindow());
        snapshotDialog.show();
    }

    RecordDialog recordDialog() { return recordDialog; }
}
