package org.prospect.app.controls;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * The status bar's row: shows as many of its items as fit, most important first, and hides the rest whole.
 * Why: its numbers are never cut to "…" (they change every frame and would flicker between cut and whole), so an
 * HBox of them was as wide as their sum, and in lecture mode on a 1280-pixel projector that sum made the window's
 * root wider than the screen, pushing the parameter panel past its right edge.
 */
final class StatusRow extends HBox {
    private final List<Label> byImportance;
    private final Set<Label> wanted = new HashSet<>();

    /** {@code children} in display order (a spacer among them), {@code byImportance} the items, first kept longest. */
    StatusRow(List<Node> children, List<Label> byImportance) {
        getChildren().addAll(children);
        this.byImportance = List.copyOf(byImportance);
        wanted.addAll(byImportance);
    }

    /** Whether the item has something to say (a hidden item takes no room); it shows if it also fits. */
    void want(Label item, boolean on) {
        if (on ? wanted.add(item) : wanted.remove(item)) {
            item.setVisible(on);
            item.setManaged(on);
            requestLayout();
        }
    }

    /** The items the row shows at this inner width: in order of importance while their widths and gaps fit. */
    List<Label> fitting(double width) {
        double used = 0;
        int shown = 0;
        List<Label> out = new java.util.ArrayList<>();
        for (Label item : byImportance) {
            if (!wanted.contains(item)) continue;
            double need = used + (shown > 0 ? getSpacing() : 0) + item.prefWidth(-1);
            // The first item always shows: a window narrower than it is narrower than any useful status bar.
            if (shown > 0 && need > width) break;
            out.add(item);
            used = need;
            shown++;
        }
        return out;
    }

    @Override
    protected double computeMinWidth(double height) {
        Label first = byImportance.get(0);
        return snappedLeftInset() + first.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected void layoutChildren() {
        // A spacer between the left and right groups takes the gaps of the hidden items too.
        double width = getWidth() - snappedLeftInset() - snappedRightInset() - getSpacing();
        List<Label> fit = fitting(width);
        for (Label item : byImportance) {
            boolean on = wanted.contains(item) && fit.contains(item);
            // Unchanged values fire nothing, so the layout pass this may request settles at once.
            item.setManaged(on);
            item.setVisible(on);
        }
        super.layoutChildren();
    }
}
