package org.prospect.app.rnn;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A titled heat map: an image of {@code cols × rows} pixels stretched over the space it is given, painted on the
 * FX thread from ARGB pixels prepared elsewhere ({@link #paint}). The caption under it says what the colours mean.
 */
final class HeatMap {
    private final VBox box;
    private final Label title;
    private final Label caption = new Label();
    private final WritableImage image;
    private final ImageView view;
    private final int cols;
    private final int rows;

    HeatMap(String id, String titleText, int cols, int rows) {
        this.cols = cols;
        this.rows = rows;
        image = new WritableImage(cols, rows);
        view = new ImageView(image);
        view.setSmooth(false);
        view.setPreserveRatio(false);
        Pane holder = new Pane(view);
        holder.setMinSize(0, 0);
        holder.setPrefSize(200, 120);
        view.fitWidthProperty().bind(holder.widthProperty());
        view.fitHeightProperty().bind(holder.heightProperty());
        title = new Label(titleText);
        title.getStyleClass().add("heat-map-title");
        caption.getStyleClass().add("heat-map-caption");
        caption.setWrapText(true);
        box = new VBox(2, title, holder, caption);
        box.setAlignment(Pos.TOP_CENTER);
        box.setId(id);
        box.getStyleClass().add("heat-map");
        box.setMinSize(0, 0);
        VBox.setVgrow(holder, Priority.ALWAYS);
    }

    VBox node() { return box; }

    Label title() { return title; }

    int cols() { return cols; }

    int rows() { return rows; }

    /** FX thread: paints {@code argb} ([rows][cols]) and sets the caption. */
    void paint(int[] argb, String captionText) {
        image.getPixelWriter().setPixels(0, 0, cols, rows, PixelFormat.getIntArgbInstance(), argb, 0, cols);
        if (!captionText.equals(caption.getText())) caption.setText(captionText);
    }

    // ---- colour maps ----

    /** White → deep blue → near black, for v in [0, 1]. */
    static int sequential(double v) {
        v = Math.max(0, Math.min(1, v));
        double[][] stops = {{255, 255, 255}, {153, 193, 241}, {26, 95, 180}, {12, 35, 80}};
        double p = v * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) p);
        double f = p - i;
        int r = (int) Math.round(stops[i][0] + f * (stops[i + 1][0] - stops[i][0]));
        int g = (int) Math.round(stops[i][1] + f * (stops[i + 1][1] - stops[i][1]));
        int b = (int) Math.round(stops[i][2] + f * (stops[i + 1][2] - stops[i][2]));
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    /** Blue (−1) → white (0) → red (+1), for v in [−1, 1]. */
    static int diverging(double v) {
        v = Math.max(-1, Math.min(1, v));
        int r;
        int g;
        int b;
        if (v >= 0) {
            r = 255 - (int) Math.round(v * (255 - 165));
            g = 255 - (int) Math.round(v * (255 - 29));
            b = 255 - (int) Math.round(v * (255 - 45));
        } else {
            double u = -v;
            r = 255 - (int) Math.round(u * (255 - 26));
            g = 255 - (int) Math.round(u * (255 - 95));
            b = 255 - (int) Math.round(u * (255 - 180));
        }
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    static final int SEPARATOR = 0xff000000;
}
