package org.prospect.app.samples;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The left panel: every experiment file under the samples folder with its name and one-line description;
 * files that do not load are listed with the reason. Double-click or Enter opens one.
 */
public final class SampleBrowser {
    private final BorderPane box = new BorderPane();
    private final ListView<SampleCatalog.Entry> list = new ListView<>();
    private final Path folder;
    private Consumer<Path> onOpen = p -> {};

    public SampleBrowser(Path folder) {
        this.folder = folder;
        list.setId("sample-list");
        list.setCellFactory(v -> new EntryCell());
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) openSelected();
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
                e.consume();
            }
        });
        Label title = new Label("Samples");
        title.getStyleClass().add("panel-title");
        Button rescan = new Button("↻");
        rescan.setTooltip(new Tooltip("Scan the samples folder again"));
        rescan.setOnAction(e -> refresh());
        rescan.setFocusTraversable(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(title, spacer, rescan);
        header.getStyleClass().add("panel-header");
        Label hint = new Label("Double-click or Enter opens");
        hint.getStyleClass().add("panel-hint");
        box.setTop(header);
        box.setCenter(list);
        box.setBottom(hint);
        BorderPane.setMargin(hint, new Insets(4, 8, 4, 8));
        box.getStyleClass().addAll("side-panel", "sample-browser");
        box.setId("sample-browser");
        refresh();
    }

    public BorderPane node() { return box; }

    public ListView<SampleCatalog.Entry> list() { return list; }

    public void setOnOpen(Consumer<Path> action) { onOpen = action; }

    public void refresh() {
        list.getItems().setAll(SampleCatalog.scan(folder));
    }

    /** Selects the entry of {@code file} (the one running), if listed. */
    public void select(Path file) {
        if (file == null) return;
        Path wanted = file.toAbsolutePath().normalize();
        for (SampleCatalog.Entry e : list.getItems()) {
            if (e.file().toAbsolutePath().normalize().equals(wanted)) {
                list.getSelectionModel().select(e);
                return;
            }
        }
    }

    private void openSelected() {
        SampleCatalog.Entry e = list.getSelectionModel().getSelectedItem();
        if (e != null) onOpen.accept(e.file());
    }

    private static final class EntryCell extends ListCell<SampleCatalog.Entry> {
        @Override
        protected void updateItem(SampleCatalog.Entry e, boolean empty) {
            super.updateItem(e, empty);
            getStyleClass().remove("broken");
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            Label name = new Label(e.name());
            name.getStyleClass().add("sample-name");
            name.setWrapText(true);
            name.maxWidthProperty().bind(widthProperty().subtract(24));
            Label detail = new Label(e.loads() ? e.description() : e.error());
            detail.getStyleClass().add(e.loads() ? "sample-description" : "sample-error");
            detail.setWrapText(true);
            Label path = new Label(e.relative());
            path.getStyleClass().add("sample-path");
            VBox v = new VBox(name, detail, path);
            v.getStyleClass().add("sample-entry");
            // Wrap within the list's width rather than widening it.
            v.maxWidthProperty().bind(widthProperty().subtract(24));
            detail.maxWidthProperty().bind(widthProperty().subtract(24));
            if (!e.loads()) getStyleClass().add("broken");
            setText(null);
            setGraphic(v);
            setTooltip(new Tooltip(e.file().toString() + (e.loads() ? "" : "\n" + e.error())));
        }
    }
}
