package org.prospect.app.rnn;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.prospect.engine.experiment.RnnExperiment;
import org.prospect.engine.run.RnnRunner;

/**
 * The parameter sheet of an RNN run, kept minimal: the initial learning rate and ModProp's μ. Applying restarts
 * every rule from iteration 0 with the new values (a learning curve is only comparable from its start);
 * "Revert" brings back the file's values.
 */
public final class RnnSheet {
    private final RnnRunner runner;
    private final RnnExperiment file;
    private final TextField rate = new TextField();
    private final TextField mu = new TextField();
    private final Label message = new Label();
    private final VBox box;

    public RnnSheet(RnnRunner runner) {
        this.runner = runner;
        this.file = runner.experiment();
        Label title = new Label("Parameters");
        title.getStyleClass().add("sheet-title");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        rate.setId("rnn-learning-rate");
        mu.setId("rnn-mu");
        rate.setPrefColumnCount(8);
        mu.setPrefColumnCount(8);
        grid.addRow(0, new Label("learning rate"), rate);
        boolean hasModProp = !Double.isNaN(file.mu());
        if (hasModProp) grid.addRow(1, new Label("μ (ModProp)"), mu);
        Button apply = new Button("Apply and restart");
        apply.setId("rnn-apply");
        apply.setTooltip(new Tooltip("Restart every rule from iteration 0 with these values"));
        apply.setOnAction(e -> apply());
        rate.setOnAction(e -> apply());
        mu.setOnAction(e -> apply());
        Button revert = new Button("Revert");
        revert.setOnAction(e -> revert());
        message.setWrapText(true);
        message.setId("rnn-sheet-message");
        Label note = new Label("Training: batch " + file.training().batch() + ", " + file.training().optimizer()
                .name().toLowerCase(Locale.ROOT) + ", ×" + file.training().decayFactor() + " every "
                + file.training().decayEvery() + " iterations, L2 " + file.training().l2() + "; delay "
                + file.task().delaySteps() + " steps, " + file.network().units() + " units.");
        note.setWrapText(true);
        note.setMaxWidth(360);
        message.setMaxWidth(360);
        note.getStyleClass().add("hint");
        box = new VBox(10, title, grid, new javafx.scene.layout.HBox(8, apply, revert), message, note);
        box.setPadding(new Insets(8));
        box.setId("rnn-sheet");
        revert();
    }

    public Node node() { return box; }

    /** Back to the file's values (the run goes on with what it has until applied). */
    public void revert() {
        rate.setText(String.valueOf(file.training().learningRate()));
        mu.setText(Double.isNaN(file.mu()) ? "" : String.valueOf(file.mu()));
        message.setText("");
    }

    void apply() {
        RnnExperiment next = runner.experiment();
        try {
            double r = Double.parseDouble(rate.getText().trim());
            if (!(r >= 0) || Double.isInfinite(r)) throw new NumberFormatException();
            next = next.withLearningRate(r);
        } catch (NumberFormatException e) {
            message.setText("learning rate: expected a number ≥ 0");
            return;
        }
        if (!Double.isNaN(file.mu())) {
            try {
                double m = Double.parseDouble(mu.getText().trim());
                if (!Double.isFinite(m)) throw new NumberFormatException();
                next = next.withMu(m);
            } catch (NumberFormatException e) {
                message.setText("μ: expected a finite number");
                return;
            }
        }
        runner.replace(next);
        message.setText("Restarted from iteration 0 with these values.");
    }
}
