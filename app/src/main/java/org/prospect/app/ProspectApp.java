package org.prospect.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.prospect.engine.experiment.ExperimentFileException;
import org.prospect.engine.experiment.GleExperiment;

/** The JavaFX application: one window on the default sample, playing from the start. */
public final class ProspectApp extends Application {
    private static final double WIDTH = 1440;
    private static final double HEIGHT = 900;

    private MainWindow window;

    @Override
    public void start(Stage stage) {
        Scene scene;
        try {
            GleExperiment experiment = DefaultSample.load(DefaultSample.path());
            window = new MainWindow(experiment);
            scene = window.createScene(WIDTH, HEIGHT);
            stage.setTitle("Prospect — " + experiment.name());
        } catch (ExperimentFileException e) {
            scene = new Scene(LoadFailureView.create(e.getMessage()), WIDTH, HEIGHT);
            Styles.apply(scene);
            stage.setTitle("Prospect");
        }
        stage.setScene(scene);
        stage.show();
        if (window != null) window.start();
        Screenshot.scheduleIfAsked(scene);
    }

    @Override
    public void stop() {
        if (window != null) window.close();
    }
}
