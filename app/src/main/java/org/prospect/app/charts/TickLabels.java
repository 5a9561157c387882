package org.prospect.app.charts;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import java.math.BigDecimal;
import java.math.MathContext;
import javafx.scene.shape.StrokeType;
import javafx.util.StringConverter;

/**
 * Tick labels that show a tick's value as it is: ChartFX 11.3's default formatter picks too few decimals for some
 * tick units and labels 0.25 as "0.3" and 0.75 as "0.8". Plain notation between 10⁻³ and 10⁵, scientific outside,
 * at most six significant digits and no trailing zeros. On a linear axis a tick within a billionth of the axis
 * range of zero is zero: tick arithmetic leaves residues like −4.24e−22 where the 0 tick belongs.
 */
public final class TickLabels extends StringConverter<Number> {
    private final DefaultNumericAxis axis;

    private TickLabels(DefaultNumericAxis axis) {
        this.axis = axis;
    }

    /** Puts the formatter on an axis. */
    public static void apply(DefaultNumericAxis axis) {
        axis.setTickLabelFormatter(new TickLabels(axis));
        // ChartFX measures each new label with its style node, a Text whose stroke is transparent but set: JavaFX
        // then takes the bounds from the glyphs' outlines (7.7 % of the FX thread at speed max, the time axis
        // relabels every frame). An inside stroke is measured from the font's metrics; nothing strokes the labels.
        axis.getTickLabelStyle().setStrokeType(StrokeType.INSIDE);
        axis.getAxisLabel().setStrokeType(StrokeType.INSIDE);
    }

    /** {@link #format}, with residues of zero on a linear axis of span {@code span} shown as 0. */
    static String format(double v, double span, boolean logAxis) {
        if (!logAxis && Math.abs(v) <= 1e-9 * Math.abs(span)) return "0";
        return format(v);
    }

    static String format(double v) {
        if (v == 0 || !Double.isFinite(v)) return v == 0 ? "0" : Double.toString(v);
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(3));
        int exponent = d.precision() - d.scale() - 1;
        String mantissa = d.movePointLeft(exponent).stripTrailingZeros().toPlainString();
        return mantissa + "e" + exponent;
    }

    @Override
    public String toString(Number value) {
        return value == null ? "" : format(value.doubleValue(), axis.getMax() - axis.getMin(), axis.isLogAxis());
    }

    @Override
    public Number fromString(String text) {
        return Double.valueOf(text);
    }
}
