package org.personaworkbench.app.common;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A chart drawn once onto a {@link Canvas} (not one node per point), redrawn only when its size, data or theme
 * changes, so thousands of points stay responsive. Text colours follow the background the stylesheet gives the
 * chart (light or dark theme); the charts of every step extend it.
 */
public abstract class CanvasChart extends Region {

    private static final Color TEXT_LIGHT_THEME = Color.web("#57606a");
    private static final Color TEXT_DARK_THEME = Color.web("#9da7b3");
    private static final Color TITLE_LIGHT_THEME = Color.web("#24292f");
    private static final Color TITLE_DARK_THEME = Color.web("#e6edf3");
    protected static final Font SMALL = Font.font(11);

    protected final Canvas canvas = new Canvas();
    /** Secondary text (axes, notes) in the theme's colour. */
    protected Color text = TEXT_LIGHT_THEME;
    /** Titles and emphasised labels in the theme's colour. */
    protected Color title = TITLE_LIGHT_THEME;

    protected CanvasChart() {
        getChildren().add(canvas);
        getStyleClass().add("chart-canvas");
        backgroundProperty().addListener((obs, old, now) -> {
            boolean dark = now != null && !now.getFills().isEmpty()
                    && now.getFills().getFirst().getFill() instanceof Color c && c.getBrightness() < 0.5;
            text = dark ? TEXT_DARK_THEME : TEXT_LIGHT_THEME;
            title = dark ? TITLE_DARK_THEME : TITLE_LIGHT_THEME;
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

    /** Clears and draws everything again. */
    protected final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w < 10 || h < 10) {
            return;
        }
        draw(g, w, h);
    }

    /** Draws the chart onto a cleared canvas of this size. */
    protected abstract void draw(GraphicsContext g, double w, double h);

    protected static void text(GraphicsContext g, String s, double x, double y, TextAlignment align, VPos base,
                               Font font, Color color) {
        g.setFont(font);
        g.setFill(color);
        g.setTextAlign(align);
        g.setTextBaseline(base);
        g.fillText(s, x, y);
    }

    /** A round tick step (1, 2 or 5 × 10ⁿ) giving about {@code wanted} ticks over {@code range}. */
    protected static double step(double range, int wanted) {
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
