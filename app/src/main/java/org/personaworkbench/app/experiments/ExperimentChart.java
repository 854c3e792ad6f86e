package org.personaworkbench.app.experiments;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.Locale;

/**
 * A chart of the Experiments step drawn onto one {@link Canvas}, redrawn when its size, data or theme changes.
 * Text colours follow the background the stylesheet gives it; series colours are mid-tones readable on both themes.
 */
abstract class ExperimentChart extends Region {

    static final Color[] SERIES = {Color.web("#8c959f"), Color.web("#0969da"), Color.web("#bf8700"),
        Color.web("#8250df"), Color.web("#1a7f37"), Color.web("#cf222e")};
    static final Color GRID = Color.web("#8c959f", 0.3);
    static final Color MUTED = Color.web("#8c959f");
    static final Font SMALL = Font.font(11);
    static final Font NORMAL = Font.font(12);
    static final Font BOLD = Font.font(null, FontWeight.BOLD, 12);

    final Canvas canvas = new Canvas();
    Color text = Color.web("#57606a");
    Color strong = Color.web("#24292f");

    ExperimentChart() {
        getChildren().add(canvas);
        getStyleClass().add("chart-canvas");
        backgroundProperty().addListener((obs, old, now) -> {
            boolean dark = now != null && !now.getFills().isEmpty()
                    && now.getFills().getFirst().getFill() instanceof Color c && c.getBrightness() < 0.5;
            text = dark ? Color.web("#9da7b3") : Color.web("#57606a");
            strong = dark ? Color.web("#e6edf3") : Color.web("#24292f");
            redraw();
        });
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

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

    /** Clears and draws everything again. */
    final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w < 10 || h < 10) {
            return;
        }
        draw(g, w, h);
    }

    abstract void draw(GraphicsContext g, double w, double h);

    static Color color(int series) {
        return SERIES[Math.floorMod(series, SERIES.length)];
    }

    static void text(GraphicsContext g, String s, double x, double y, TextAlignment align, VPos base, Font font,
                     Color color) {
        g.setFont(font);
        g.setFill(color);
        g.setTextAlign(align);
        g.setTextBaseline(base);
        g.fillText(s, x, y);
    }

    /** A tick label with as many decimals as the step needs. */
    static String tick(double v, double step) {
        int digits = Math.max(0, (int) Math.ceil(-Math.log10(step) + 1e-9));
        if (Math.abs(v) < step * 1e-6) {
            v = 0;
        }
        return String.format(Locale.getDefault(), "%." + Math.min(digits, 6) + "f", v);
    }

    /** A round tick step giving about {@code wanted} ticks over {@code range}. */
    static double step(double range, int wanted) {
        if (!(range > 0) || !Double.isFinite(range)) {
            return 1;
        }
        double raw = range / Math.max(1, wanted);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * mag;
    }
}
