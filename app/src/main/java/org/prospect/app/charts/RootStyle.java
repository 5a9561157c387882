package org.prospect.app.charts;

import java.util.function.BiConsumer;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * Follows the style classes of the scene root a node is shown under ({@code dark}, {@code lecture}, set by the
 * main window): tells {@code onChange(dark, lecture)} now, whenever the node moves to another scene, and
 * whenever the root's classes change. FX thread.
 */
public final class RootStyle {
    private RootStyle() {}

    public static void watch(Node node, BiConsumer<Boolean, Boolean> onChange) {
        Parent[] root = new Parent[1];
        ListChangeListener<String> classes = c -> tell(root[0], onChange);
        Runnable attach = () -> {
            Parent now = node.getScene() == null ? null : node.getScene().getRoot();
            if (now == root[0]) return;
            if (root[0] != null) root[0].getStyleClass().removeListener(classes);
            root[0] = now;
            if (now != null) now.getStyleClass().addListener(classes);
            tell(now, onChange);
        };
        node.sceneProperty().addListener((o, was, now) -> attach.run());
        attach.run();
    }

    private static void tell(Parent root, BiConsumer<Boolean, Boolean> onChange) {
        boolean dark = root != null && root.getStyleClass().contains("dark");
        boolean lecture = root != null && root.getStyleClass().contains("lecture");
        onChange.accept(dark, lecture);
    }
}
