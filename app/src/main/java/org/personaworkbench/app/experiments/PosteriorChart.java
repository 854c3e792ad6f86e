package org.personaworkbench.app.experiments;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.function.Supplier;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * Posterior densities of each variant's conversion rate (Beta) or mean (normal) on one axis, control first in
 * grey, with a legend: where the curves overlap the data cannot tell the variants apart.
 */
final class PosteriorChart extends ExperimentChart {

    private final ObservableList<PosteriorSeries> series;
    private final Supplier<Boolean> rates;

    /** @param rates whether x is a conversion rate in percent (else the metric's units) */
    PosteriorChart(ObservableList<PosteriorSeries> series, Supplier<Boolean> rates) {
        this.series = series;
        this.rates = rates;
        setId("posteriorChart");
        series.addListener((ListChangeListener<PosteriorSeries>) c -> redraw());
    }

    @Override
    protected double computePrefHeight(double width) {
        return 240;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        text(g, tr(rates.get() ? "experiments.posterior.title" : "experiments.posterior.title.metric"), 10, 8,
                TextAlignment.LEFT, VPos.TOP, BOLD, title);
        if (series.isEmpty()) {
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double top = 0;
        for (PosteriorSeries s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.density()[i])) {
                    lo = Math.min(lo, s.x()[i]);
                    hi = Math.max(hi, s.x()[i]);
                    top = Math.max(top, s.density()[i]);
                }
            }
        }
        if (!(hi > lo) || !(top > 0)) {
            return;
        }
        double left = 16;
        double right = w - 16;
        double plotTop = 34;
        double bottom = h - 38;
        double lo0 = lo;
        double span = hi - lo;
        double topY = top * 1.08;
        java.util.function.DoubleUnaryOperator x = v -> left + (v - lo0) / span * (right - left);
        java.util.function.DoubleUnaryOperator y = d -> bottom - d / topY * (bottom - plotTop);

        double step = step(span, 7);
        g.setLineWidth(1);
        for (double t = Math.ceil(lo / step) * step; t <= hi + 1e-12; t += step) {
            double px = x.applyAsDouble(t);
            g.setStroke(GRID);
            g.strokeLine(px, plotTop, px, bottom);
            text(g, tick(t, step) + (rates.get() ? "%" : ""), px, bottom + 4, TextAlignment.CENTER, VPos.TOP,
                    SMALL, text);
        }
        g.setStroke(text);
        g.strokeLine(left, bottom, right, bottom);
        text(g, tr(rates.get() ? "experiments.posterior.axis" : "experiments.posterior.axis.metric"),
                (left + right) / 2, bottom + 20, TextAlignment.CENTER, VPos.TOP, SMALL, text);

        for (int k = 0; k < series.size(); k++) {
            PosteriorSeries s = series.get(k);
            Color c = color(k);
            int n = s.x().length;
            double[] xs = new double[n + 2];
            double[] ys = new double[n + 2];
            for (int i = 0; i < n; i++) {
                xs[i] = x.applyAsDouble(s.x()[i]);
                ys[i] = y.applyAsDouble(Double.isFinite(s.density()[i]) ? s.density()[i] : 0);
            }
            xs[n] = xs[n - 1];
            ys[n] = bottom;
            xs[n + 1] = xs[0];
            ys[n + 1] = bottom;
            g.setFill(c.deriveColor(0, 1, 1, 0.18));
            g.fillPolygon(xs, ys, n + 2);
            g.setStroke(c);
            g.setLineWidth(2);
            g.strokePolyline(xs, ys, n);
        }
        double ly = 10;
        for (int k = series.size() - 1; k >= 0; k--) {
            String name = series.get(k).variant();
            javafx.scene.text.Text probe = new javafx.scene.text.Text(name);
            probe.setFont(NORMAL);
            double tw = probe.getLayoutBounds().getWidth();
            double lx = right - tw;
            g.setFill(color(k));
            g.fillRect(lx - 16, ly + 3, 10, 10);
            text(g, name, lx, ly, TextAlignment.LEFT, VPos.TOP, NORMAL, title);
            ly += 16;
        }
    }
}
