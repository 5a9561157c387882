package org.prospect.app.charts;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import java.math.BigDecimal;
import java.math.MathContext;
import javafx.util.StringConverter;

/**
 * Tick labels that show a tick's value as it is: ChartFX 11.3's default formatter picks too few decimals for some
 * tick units and labels 0.25 as "0.3" and 0.75 as "0.8". Plain notation between 10⁻³ and 10⁵, scientific outside,
 * at most six significant digits and no trailing zeros.
 */
public final class TickLabels extends StringConverter<Number> {
    private static final TickLabels INSTANCE = new TickLabels();

    private TickLabels() {}

    /** Puts the formatter on an axis. */
    public static void apply(DefaultNumericAxis axis) {
        axis.setTickLabelFormatter(INSTANCE);
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
        return value == null ? "" : format(value.doubleValue());
    }

    @Override
    public Number fromString(String text) {
        return Double.valueOf(text);
    }
}
