package org.personaworkbench.app.segments;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * The silhouette plot: per segment a block of horizontal bars, one per row sorted from high to low (rows are
 * resampled to the pixel rows available), a dashed line at the mean silhouette.
 */
final class SilhouetteCanvas extends ChartCanvas {

    private SilhouettePlot plot;

    void setPlot(SilhouettePlot plot) {
        this.plot = plot;
        redraw();
    }

    @Override
    protected double computePrefHeight(double width) {
        return 360;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        if (plot == null || plot.values().isEmpty()) {
            return;
        }
        double left = 90;
        double right = w - 16;
        double top = 8;
        double bottom = h - 26;
        double gap = 6;
        int total = plot.values().stream().mapToInt(a -> a.length).sum();
        int segs = plot.values().size();
        double usable = bottom - top - gap * (segs - 1);
        double minV = -0.2;
        for (double[] a : plot.values()) {
            if (a.length > 0) {
                minV = Math.min(minV, Math.floor(a[a.length - 1] * 10) / 10);
            }
        }
        double fMin = minV;
        java.util.function.DoubleUnaryOperator px = v -> left + (v - fMin) / (1 - fMin) * (right - left);
        double zero = px.applyAsDouble(0);
        // ticks
        for (double t = Math.ceil(minV * 5) / 5; t <= 1.0001; t += 0.2) {
            double x = Math.round(px.applyAsDouble(t)) + 0.5;
            g.setStroke(GRID);
            g.strokeLine(x, top, x, bottom);
            text(g, tick(Math.round(t * 10) / 10.0), x, bottom + 4, TextAlignment.CENTER, VPos.TOP, SMALL, text);
        }
        double y = top;
        for (int s = 0; s < segs; s++) {
            double[] values = plot.values().get(s);
            double band = Math.max(2, usable * values.length / Math.max(1, total));
            int pixels = Math.max(1, (int) Math.round(band));
            g.setFill(SegmentColors.of(plot.segments().get(s)));
            for (int p = 0; p < pixels; p++) {
                int i = (int) Math.min(values.length - 1, (long) p * values.length / pixels);
                double v = values[i];
                double x1 = Math.min(zero, px.applyAsDouble(v));
                double x2 = Math.max(zero, px.applyAsDouble(v));
                g.fillRect(x1, y + p * band / pixels, Math.max(0.5, x2 - x1), band / pixels + 0.5);
            }
            text(g, tr("segments.segment", plot.segments().get(s)), left - 8, y + band / 2, TextAlignment.RIGHT,
                    VPos.CENTER, SMALL, text);
            y += band + gap;
        }
        g.setStroke(text);
        g.strokeLine(Math.round(zero) + 0.5, top, Math.round(zero) + 0.5, bottom);
        double mx = px.applyAsDouble(plot.mean());
        g.setStroke(MARK);
        g.setLineDashes(5, 4);
        g.setLineWidth(1.5);
        g.strokeLine(mx, top, mx, bottom);
        g.setLineDashes();
        g.setLineWidth(1);
        text(g, tr("segments.silhouette.meanLine", tick(plot.mean())), Math.min(mx + 4, right - 90), top,
                TextAlignment.LEFT, VPos.TOP, SMALL, MARK);
    }
}
