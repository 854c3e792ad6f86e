package org.personaworkbench.app.experiments;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.List;
import java.util.function.Supplier;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * The forest plot: one line per variant against control (and, with a breakdown, per segment), the lift as a
 * square with its interval as whiskers, a zero line, and the axis in percentage points (or the metric's units).
 * Segments too small to say anything are grey and labelled so.
 */
final class ForestPlot extends ExperimentChart {

    static final double ROW = 22;
    static final double TOP = 30;
    static final double BOTTOM = 34;
    static final double LABEL_WIDTH = 230;

    private final ObservableList<ForestRow> rows;
    private final Supplier<String> control;
    private final Supplier<Boolean> points;

    /**
     * @param control the control's name, for the labels
     * @param points  whether lifts are percentage points (else the metric's units)
     */
    ForestPlot(ObservableList<ForestRow> rows, Supplier<String> control, Supplier<Boolean> points) {
        this.rows = rows;
        this.control = control;
        this.points = points;
        setId("forestPlot");
        rows.addListener((ListChangeListener<ForestRow>) c -> {
            requestLayout();
            redraw();
        });
    }

    /** The rows drawn (for tests). */
    List<ForestRow> rows() {
        return List.copyOf(rows);
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.max(240, TOP + BOTTOM + rows.size() * ROW);
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        text(g, tr(points.get() ? "experiments.forest.title" : "experiments.forest.title.metric"), 10, 8,
                TextAlignment.LEFT, VPos.TOP, BOLD, title);
        if (rows.isEmpty()) {
            return;
        }
        double lo = 0;
        double hi = 0;
        // too-small segments' wide intervals would squeeze the others: they are cut at the axis instead
        boolean anyReadable = rows.stream().anyMatch(r -> !r.tooSmall());
        for (ForestRow r : rows) {
            if (anyReadable && r.tooSmall()) {
                continue;
            }
            if (Double.isFinite(r.lo())) {
                lo = Math.min(lo, r.lo());
            }
            if (Double.isFinite(r.hi())) {
                hi = Math.max(hi, r.hi());
            }
        }
        double pad = (hi - lo) * 0.06 + 1e-9;
        lo -= pad;
        hi += pad;
        double left = Math.min(LABEL_WIDTH, w * 0.42);
        double right = w - 64;
        double row = Math.max(14, (h - TOP - BOTTOM) / rows.size());
        double plotW = Math.max(20, right - left);
        double bottom = h - BOTTOM;
        double lo0 = lo;
        double span = hi - lo;
        java.util.function.DoubleUnaryOperator x = v -> left + (v - lo0) / span * plotW;

        double step = step(span, 6);
        g.setLineWidth(1);
        for (double t = Math.ceil(lo / step) * step; t <= hi + 1e-12; t += step) {
            double px = x.applyAsDouble(t);
            g.setStroke(GRID);
            g.strokeLine(px, TOP - 4, px, bottom);
            text(g, tick(t, step), px, bottom + 4, TextAlignment.CENTER, VPos.TOP, SMALL, text);
        }
        text(g, tr(points.get() ? "experiments.forest.axis" : "experiments.forest.axis.metric"),
                left + plotW / 2, bottom + 18, TextAlignment.CENTER, VPos.TOP, SMALL, text);
        double zero = x.applyAsDouble(0);
        g.setStroke(text);
        g.setLineWidth(1.2);
        g.setLineDashes(4, 3);
        g.strokeLine(zero, TOP - 6, zero, bottom);
        g.setLineDashes();

        List<String> variants = rows.stream().filter(r -> r.segment() == null).map(ForestRow::variant).toList();
        for (int i = 0; i < rows.size(); i++) {
            ForestRow r = rows.get(i);
            double cy = TOP + i * row + row / 2;
            int series = variants.indexOf(r.variant()) + 1;
            Color c = r.tooSmall() ? MUTED : color(series <= 0 ? 1 : series);
            boolean overall = r.segment() == null;
            String label = r.label(control.get(), variants.size() == 1);
            text(g, fit(g, label, left - 16), 10 + (overall ? 0 : 12), cy, TextAlignment.LEFT, VPos.CENTER,
                    overall ? BOLD : NORMAL, r.tooSmall() ? MUTED : title);
            if (i > 0 && overall != (rows.get(i - 1).segment() == null)) {
                g.setStroke(GRID);
                g.setLineWidth(1);
                g.strokeLine(8, cy - row / 2, w - 8, cy - row / 2);
            }
            if (!Double.isFinite(r.lift())) {
                continue;
            }
            double x0 = Math.max(left, x.applyAsDouble(Double.isFinite(r.lo()) ? r.lo() : r.lift()));
            double x1 = Math.min(left + plotW, x.applyAsDouble(Double.isFinite(r.hi()) ? r.hi() : r.lift()));
            g.setStroke(c);
            g.setLineWidth(overall ? 2.2 : 1.5);
            g.strokeLine(x0, cy, x1, cy);
            g.strokeLine(x0, cy - 4, x0, cy + 4);
            g.strokeLine(x1, cy - 4, x1, cy + 4);
            double px = Math.max(left, Math.min(left + plotW, x.applyAsDouble(r.lift())));
            double size = overall ? 10 : 7;
            g.setFill(c);
            g.fillRect(px - size / 2, cy - size / 2, size, size);
            String value = r.tooSmall() ? tr("experiments.tooSmall.short")
                    : (r.lift() > 0 ? "+" : "") + ExperimentFormats.decimals(r.lift(), 2);
            text(g, value, right + 10, cy, TextAlignment.LEFT, VPos.CENTER, overall ? BOLD : SMALL,
                    r.tooSmall() ? MUTED : title);
        }
    }

    /** Cuts a label to the width with an ellipsis. */
    private static String fit(GraphicsContext g, String s, double width) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(s);
        probe.setFont(g.getFont());
        if (probe.getLayoutBounds().getWidth() <= width) {
            return s;
        }
        for (int n = s.length() - 1; n > 1; n--) {
            probe.setText(s.substring(0, n) + "…");
            if (probe.getLayoutBounds().getWidth() <= width) {
                return s.substring(0, n) + "…";
            }
        }
        return s;
    }
}
