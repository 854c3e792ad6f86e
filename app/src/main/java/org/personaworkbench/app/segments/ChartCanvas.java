package org.personaworkbench.app.segments;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.personaworkbench.app.common.CanvasChart;
import org.personaworkbench.app.common.Formats;

/**
 * A chart of the Segments step: its sizes, mark colours and axis labels. Colours are mid-tones readable on
 * both themes.
 */
abstract class ChartCanvas extends CanvasChart {

    static final Color GRID = Color.web("#8c959f", 0.25);
    static final Color LINE = Color.web("#0969da");
    static final Color MARK = Color.web("#cf222e");
    static final Color KNEE = Color.web("#8250df");
    static final Font TITLE = Font.font(null, javafx.scene.text.FontWeight.BOLD, 12);

    @Override
    protected double computePrefWidth(double height) {
        return 240;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 180;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 80;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 60;
    }

    /** A short axis label: 12,345 / 1.2 / 0.05 / 1.2e-4. */
    static String tick(double v) {
        if (Math.abs(v) < 1e-12) {
            v = 0; // never "-0"
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 0.01 || a >= 1e7)) {
            return String.format(java.util.Locale.ROOT, "%.1e", v);
        }
        return Formats.number(v);
    }
}
