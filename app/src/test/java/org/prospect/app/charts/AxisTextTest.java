package org.prospect.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeType;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Axis text is measured from the font's metrics (the cheap path) and still never stroked. */
@ExtendWith(ApplicationExtension.class)
class AxisTextTest {
    private TimeChart chart;

    @Start
    void start(Stage stage) {
        chart = new TimeChart("axis-chart", "Axes", null, "value", TimeChart.Scale.LINEAR, "right", TimeChart.Scale.LOG);
        stage.setScene(new Scene(chart.node(), 640, 400));
        stage.show();
    }

    @Test
    void tickAndAxisLabelsOfEveryAxisHaveAnInsideStroke(FxRobot robot) {
        for (DefaultNumericAxis a : new DefaultNumericAxis[] {chart.timeAxis(), chart.valueAxis(0), chart.valueAxis(1)}) {
            assertEquals(StrokeType.INSIDE, a.getTickLabelStyle().getStrokeType(), a.getName() + " tick labels");
            assertEquals(StrokeType.INSIDE, a.getAxisLabel().getStrokeType(), a.getName() + " label");
        }
    }

    @Test
    void theLabelsStrokeStaysTransparentSoChartFxNeverStrokesThem(FxRobot robot) {
        robot.interact(() -> chart.node().applyCss());
        assertEquals(Color.TRANSPARENT, chart.timeAxis().getTickLabelStyle().getStroke());
        assertEquals(Color.TRANSPARENT, chart.valueAxis(0).getAxisLabel().getStroke());
    }
}
