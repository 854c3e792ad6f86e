package org.personaworkbench.app.experiments;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.personaworkbench.app.common.CanvasChart;

import java.util.Locale;

/**
 * A chart of the Experiments step: its sizes, series colours and tick labels. Series colours are mid-tones
 * readable on both themes.
 */
abstract class ExperimentChart extends CanvasChart {

    static final Color[] SERIES = {Color.web("#8c959f"), Color.web("#0969da"), Color.web("#bf8700"),
        Color.web("#8250df"), Color.web("#1a7f37"), Color.web("#cf222e")};
    static final Color GRID = Color.web("#8c959f", 0.3);
    static final Color MUTED = Color.web("#8c959f");
    static final Font NORMAL = Font.font(12);
    static final Font BOLD = Font.font(null, FontWeight.BOLD, 12);

    @Override
    protected double computePrefWidth(double height) {
        return 560;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 200;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 120;
    }

    static Color color(int series) {
        return SERIES[Math.floorMod(series, SERIES.length)];
    }

    /** A tick label with as many decimals as the step needs. */
    static String tick(double v, double step) {
        int digits = Math.max(0, (int) Math.ceil(-Math.log10(step) + 1e-9));
        if (Math.abs(v) < step * 1e-6) {
            v = 0;
        }
        return String.format(Locale.getDefault(), "%." + Math.min(digits, 6) + "f", v);
    }
}
