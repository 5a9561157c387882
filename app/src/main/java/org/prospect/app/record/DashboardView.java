package org.prospect.app.record;

import io.fair_acc.chartfx.XYChart;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.prospect.app.charts.Dashboard;
import org.prospect.app.charts.TimeChart;
import org.prospect.engine.experiment.GleSimulation;

/**
 * The live dashboard — whole, its network view alone, or one of its charts — driven by the recorder's own
 * simulation instead of a runner: the dashboard's probe sees every step the recorder takes (on the recording
 * thread), and before each frame the traces are drained into the charts on that same thread (never the FX
 * thread), the newest network state is published, and one display frame is queued for the FX thread.
 * What it shows therefore depends only on the experiment and the frame times.
 */
final class DashboardView implements RecordableView {
    /** Chart views by name, in the dashboard's reading order. */
    static final List<String> CHARTS = List.of("signals", "potentials", "phase", "errors", "weights", "loss");

    /** What part of the dashboard to show. */
    enum Part { WHOLE, NETWORK, CHART }

    private final Dashboard dashboard;
    private final Region node;
    private final List<XYChart> charts = new ArrayList<>();
    private GleSimulation last;

    /** FX thread. {@code chart} names one of {@link #CHARTS} when {@code part} is CHART. */
    DashboardView(GleSimulation simulation, Part part, String chart) {
        dashboard = new Dashboard(simulation.experiment());
        dashboard.probe().attach(simulation);
        switch (part) {
            case WHOLE -> {
                node = (Region) dashboard.node();
                for (TimeChart c : dashboard.charts()) charts.add(c.node());
            }
            case NETWORK -> node = alone(dashboard.networkView().node());
            default -> {
                int k = CHARTS.indexOf(chart);
                if (k < 0) throw new IllegalArgumentException("unknown chart '" + chart + "'; charts: " + CHARTS);
                XYChart c = dashboard.charts().get(k).node();
                charts.add(c);
                node = alone(c);
            }
        }
    }

    /** A part taken out of the dashboard, with the dashboard's styles. */
    private static Region alone(Region part) {
        if (part.getParent() instanceof javafx.scene.layout.Pane p) p.getChildren().remove(part);
        StackPane holder = new StackPane(part);
        holder.getStyleClass().add("dashboard");
        String css = Dashboard.stylesheet();
        if (css != null) holder.getStylesheets().add(css);
        return holder;
    }

    /** Registers "dashboard", "network" and one view per chart. */
    static void registerAll(RecordableViews views) {
        views.register(RecordableViews.DASHBOARD, s -> new DashboardView(s, Part.WHOLE, null));
        views.register(RecordableViews.NETWORK, s -> new DashboardView(s, Part.NETWORK, null));
        for (String name : CHARTS) views.register(name, s -> new DashboardView(s, Part.CHART, name));
    }

    @Override
    public Region node() { return node; }

    @Override
    public List<XYChart> charts() { return charts; }

    @Override
    public void afterStep(GleSimulation simulation) {
        last = simulation;
        dashboard.probe().afterStep(simulation);
        // A recording steps faster than the live window; without waiting, the adjoint's worker would skip
        // windows and figures would show the exact error with gaps bridged by straight lines.
        dashboard.probe().awaitAdjoint();
    }

    @Override
    public void flush() {
        // The network view shows the state after the frame's last step (the probe otherwise publishes by wall clock).
        if (last != null) dashboard.probe().idle(last);
        dashboard.feedNow();
        Platform.runLater(dashboard::showFrame);
    }
}
