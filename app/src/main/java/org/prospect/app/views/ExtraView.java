package org.prospect.app.views;

import io.fair_acc.chartfx.XYChart;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.prospect.engine.run.SimulationRunner;
import org.prospect.engine.task.TargetSpec;

/**
 * The view a run gets beside the dashboard, if any: the comparison view for a comparison file (more than one
 * learner), the MNIST-1D view for a data-set target. Shown as a second tab, selected when the run starts.
 */
public final class ExtraView implements AutoCloseable {
    private final ComparisonView comparison;
    private final MnistView mnist;

    private ExtraView(ComparisonView comparison, MnistView mnist) {
        this.comparison = comparison;
        this.mnist = mnist;
    }

    /** The extra view the run needs, attached to its runner (not started yet), or null for none. */
    public static ExtraView forRunner(SimulationRunner runner) {
        if (runner.learnerCount() > 1) return new ExtraView(new ComparisonView(runner), null);
        if (runner.experiment().target() instanceof TargetSpec.Dataset) return new ExtraView(null, new MnistView(runner));
        return null;
    }

    public String title() { return comparison != null ? "Comparison" : "MNIST-1D"; }

    public Parent node() { return comparison != null ? comparison.node() : mnist.node(); }

    public ComparisonView comparison() { return comparison; }

    public MnistView mnist() { return mnist; }

    /** The view's charts by id, for exporting what they hold. */
    public Map<String, XYChart> charts() {
        Map<String, XYChart> out = new LinkedHashMap<>();
        for (LiveChart c : comparison != null ? comparison.charts() : mnist.charts()) out.put(c.node().getId(), c.node());
        return out;
    }

    public void start() {
        if (comparison != null) comparison.start();
        else mnist.start();
    }

    @Override
    public void close() {
        if (comparison != null) comparison.close();
        else mnist.close();
    }

    /** The centre of the window: the dashboard alone, or tabs of the dashboard and the extra view (selected). */
    public static Node centre(Node dashboard, ExtraView extra) {
        if (extra == null) return dashboard;
        Tab main = new Tab("Dashboard", dashboard);
        Tab other = new Tab(extra.title(), extra.node());
        main.setClosable(false);
        other.setClosable(false);
        main.setId("dashboard-tab");
        other.setId("extra-tab");
        TabPane tabs = new TabPane(main, other);
        tabs.setId("centre-tabs");
        tabs.getSelectionModel().select(other);
        return tabs;
    }
}
