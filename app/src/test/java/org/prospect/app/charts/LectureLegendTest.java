package org.prospect.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** In lecture mode a legend is large and bold over a tall plot and takes the normal size over a low one. */
@ExtendWith(ApplicationExtension.class)
class LectureLegendTest {
    private TimeChart chart;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        chart = new TimeChart("legend-chart", "Legend", null, "value", TimeChart.Scale.LINEAR, null, null);
        for (String name : new String[] {"u L1 n0", "W r + b L1 n0", "γ ě L1 n0"}) {
            chart.addLine(new TimeChart.Line(name, Palette.RATE, 0, TimeChart.Source.MAIN, 0, 0));
        }
        StackPane root = new StackPane(chart.node());
        root.getStyleClass().add("lecture");
        URL css = Dashboard.class.getResource("/org/prospect/app/assets/dashboard.css");
        if (css != null) root.getStylesheets().add(css.toExternalForm());
        stage.setScene(new Scene(root, 640, 520));
        stage.sizeToScene();
        stage.show();
    }

    private void resize(FxRobot robot, double height) throws Exception {
        robot.interact(() -> stage.setHeight(height));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ChartLegend legend() { return (ChartLegend) chart.legend(); }

    private Labeled entry() { return (Labeled) legend().getChildrenUnmodifiable().get(0); }

    private double plot() { return chart.node().getPlotForeground().getHeight(); }

    @Test
    void aTallPlotKeepsTheLargeBoldLegend(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> plot() > 0);
        assertTrue(plot() >= ChartLegend.COMPACT_BELOW, "plot " + plot());
        assertFalse(legend().compact());
        assertEquals(20, entry().getFont().getSize(), 0.01);
        assertTrue(entry().getFont().getStyle().toLowerCase().contains("bold"), entry().getFont().getStyle());
    }

    @Test
    void aLowPlotTakesTheNormalSizeAndTheLargeOneAgainOnceItIsTall(FxRobot robot) throws Exception {
        resize(robot, 260);
        assertTrue(plot() < ChartLegend.COMPACT_BELOW, "plot " + plot());
        assertTrue(legend().compact());
        assertEquals(16, entry().getFont().getSize(), 0.01);
        assertFalse(entry().getFont().getStyle().toLowerCase().contains("bold"), entry().getFont().getStyle());
        resize(robot, 520);
        assertFalse(legend().compact());
        assertEquals(20, entry().getFont().getSize(), 0.01);
    }

    @Test
    void theCompactLegendIsLowerThanTheLargeOneOnTheSameWidth(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> plot() > 0 && legend().getHeight() > 0);
        double large = legend().getHeight();
        resize(robot, 260);
        assertTrue(legend().getHeight() < large, legend().getHeight() + " against " + large);
    }
}
