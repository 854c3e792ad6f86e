package org.personaworkbench.app.segments;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.TextAlignment;

import java.util.function.IntConsumer;

/**
 * A small line chart of one figure against k (or against a rank, for the k-distance curve): an optional
 * confidence band, a vertical marker at the recommended k, a dashed one at the knee, an optional horizontal
 * marker; a click picks the nearest point.
 */
final class MetricChart extends ChartCanvas {

    private String heading = "";
    private String hint = "";
    private double[] xs = new double[0];
    private double[] ys = new double[0];
    private double[] low;
    private double[] high;
    private double markX = Double.NaN;
    private double kneeX = Double.NaN;
    private double markY = Double.NaN;
    private double suggestedY = Double.NaN;
    private boolean dots = true;
    private double chosenX = Double.NaN;
    private IntConsumer onPick;

    // plot area of the last drawing, for clicks
    private double left;
    private double right;

    MetricChart() {
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        canvas.setOnMouseMoved(e -> setCursor(onPick != null && xs.length > 0 ? javafx.scene.Cursor.HAND : null));
    }

    void setTitle(String heading, String hint) {
        this.heading = heading;
        this.hint = hint == null ? "" : hint;
        redraw();
    }

    /** The data; {@code low}/{@code high} may be null (no band). */
    void setData(double[] xs, double[] ys, double[] low, double[] high) {
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.low = low == null ? null : low.clone();
        this.high = high == null ? null : high.clone();
        dots = xs.length <= 60;
        redraw();
    }

    /**
     * @param markX   the recommended x (solid red line)
     * @param kneeX   the knee (dashed purple line), NaN for none
     * @param chosenX the x the analyst chose (a ringed point and a blue line when it differs from markX)
     */
    void setMarkers(double markX, double kneeX, double chosenX) {
        this.markX = markX;
        this.kneeX = kneeX;
        this.chosenX = chosenX;
        redraw();
    }

    double chosenX() {
        return chosenX;
    }

    /** Horizontal lines: the chosen value (solid) and the suggested one (dashed); NaN hides either. */
    void setHorizontal(double chosen, double suggested) {
        this.markY = chosen;
        this.suggestedY = suggested;
        redraw();
    }

    void setOnPick(IntConsumer onPick) {
        this.onPick = onPick;
    }

    int points() {
        return xs.length;
    }

    double markX() {
        return markX;
    }

    private void clicked(MouseEvent e) {
        if (onPick == null || xs.length == 0 || right <= left) {
            return;
        }
        double minX = xs[0];
        double maxX = xs[xs.length - 1];
        double x = minX + (e.getX() - left) / (right - left) * (maxX - minX);
        int best = 0;
        for (int i = 1; i < xs.length; i++) {
            if (Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) {
                best = i;
            }
        }
        onPick.accept(best);
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        text(g, heading, 6, 3, TextAlignment.LEFT, VPos.TOP, TITLE, title);
        if (!hint.isEmpty()) {
            text(g, hint, 6, 18, TextAlignment.LEFT, VPos.TOP, SMALL, text);
        }
        if (xs.length == 0) {
            return;
        }
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ys.length; i++) {
            minY = fin(Math.min(minY, ys[i]), minY);
            maxY = fin(Math.max(maxY, ys[i]), maxY);
            if (low != null) {
                minY = fin(Math.min(minY, low[i]), minY);
                maxY = fin(Math.max(maxY, high[i]), maxY);
            }
        }
        for (double y : new double[] {markY, suggestedY}) {
            if (Double.isFinite(y)) {
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        if (!Double.isFinite(minY)) {
            text(g, "—", w / 2, h / 2, TextAlignment.CENTER, VPos.CENTER, SMALL, text);
            return;
        }
        if (maxY - minY < 1e-12) {
            maxY = minY + Math.max(1e-6, Math.abs(minY) * 0.1);
            minY = minY - (maxY - minY);
        }
        double pad = (maxY - minY) * 0.08;
        minY -= pad;
        maxY += pad;
        double yStep = step(maxY - minY, 4);
        g.setFont(SMALL);
        double labelWidth = 0;
        for (double t = Math.ceil(minY / yStep) * yStep; t <= maxY; t += yStep) {
            labelWidth = Math.max(labelWidth, tick(t).length() * 6.2);
        }
        left = 8 + labelWidth;
        right = w - 10;
        double top = hint.isEmpty() ? 24 : 38;
        double bottom = h - 20;
        double minX = xs[0];
        double maxX = xs[xs.length - 1];
        if (maxX == minX) {
            maxX = minX + 1;
        }
        double fMinY = minY;
        double fMaxY = maxY;
        double fMaxX = maxX;
        java.util.function.DoubleUnaryOperator px = x -> left + (x - minX) / (fMaxX - minX) * (right - left);
        java.util.function.DoubleUnaryOperator py = y -> bottom - (y - fMinY) / (fMaxY - fMinY) * (bottom - top);

        // grid and y ticks
        g.setLineWidth(1);
        g.setLineDashes();
        for (double t = Math.ceil(minY / yStep) * yStep; t <= maxY; t += yStep) {
            double y = Math.round(py.applyAsDouble(t)) + 0.5;
            g.setStroke(GRID);
            g.strokeLine(left, y, right, y);
            text(g, tick(t), left - 4, y, TextAlignment.RIGHT, VPos.CENTER, SMALL, text);
        }
        // x ticks: every k when they fit, else a nice step
        double slot = (right - left) / Math.max(1, maxX - minX);
        double widest = tick(maxX).length() * 6.5 + 6;
        double xStep = Math.max(1, step(maxX - minX, Math.max(2, (int) ((right - left) / Math.max(widest, 14)))));
        if (slot >= widest) {
            xStep = 1;
        }
        for (double t = Math.ceil(minX / xStep) * xStep; t <= maxX + 1e-9; t += xStep) {
            double x = px.applyAsDouble(t);
            String label = tick(t);
            double half = label.length() * 3.2;
            if (x + half > w - 2) {
                text(g, label, w - 2, bottom + 4, TextAlignment.RIGHT, VPos.TOP, SMALL, text);
            } else {
                text(g, label, x, bottom + 4, TextAlignment.CENTER, VPos.TOP, SMALL, text);
            }
        }

        // band
        if (low != null) {
            g.setFill(LINE.deriveColor(0, 1, 1, 0.18));
            g.beginPath();
            boolean started = false;
            for (int i = 0; i < xs.length; i++) {
                if (Double.isFinite(high[i])) {
                    double x = px.applyAsDouble(xs[i]);
                    double y = py.applyAsDouble(high[i]);
                    if (started) {
                        g.lineTo(x, y);
                    } else {
                        g.moveTo(x, y);
                        started = true;
                    }
                }
            }
            for (int i = xs.length - 1; i >= 0; i--) {
                if (Double.isFinite(low[i])) {
                    g.lineTo(px.applyAsDouble(xs[i]), py.applyAsDouble(low[i]));
                }
            }
            g.closePath();
            g.fill();
        }
        // markers
        if (Double.isFinite(kneeX)) {
            double x = Math.round(px.applyAsDouble(kneeX)) + 0.5;
            g.setStroke(KNEE);
            g.setLineDashes(4, 3);
            g.strokeLine(x, top, x, bottom);
            g.setLineDashes();
        }
        if (Double.isFinite(chosenX) && chosenX != markX) {
            double x = Math.round(px.applyAsDouble(chosenX)) + 0.5;
            g.setStroke(LINE);
            g.setLineDashes(2, 3);
            g.setLineWidth(1.5);
            g.strokeLine(x, top, x, bottom);
            g.setLineDashes();
            g.setLineWidth(1);
        }
        if (Double.isFinite(markX)) {
            double x = Math.round(px.applyAsDouble(markX)) + 0.5;
            g.setStroke(MARK);
            g.setLineWidth(2);
            g.strokeLine(x, top, x, bottom);
            g.setLineWidth(1);
        }
        if (Double.isFinite(suggestedY)) {
            double y = Math.round(py.applyAsDouble(suggestedY)) + 0.5;
            g.setStroke(KNEE);
            g.setLineDashes(4, 3);
            g.strokeLine(left, y, right, y);
            g.setLineDashes();
        }
        if (Double.isFinite(markY)) {
            double y = Math.round(py.applyAsDouble(markY)) + 0.5;
            g.setStroke(MARK);
            g.setLineWidth(1.5);
            g.strokeLine(left, y, right, y);
            g.setLineWidth(1);
        }
        // the line
        g.setStroke(LINE);
        g.setLineWidth(2);
        g.beginPath();
        boolean started = false;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(ys[i])) {
                started = false;
                continue;
            }
            double x = px.applyAsDouble(xs[i]);
            double y = py.applyAsDouble(ys[i]);
            if (started) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                started = true;
            }
        }
        g.stroke();
        g.setLineWidth(1);
        if (dots) {
            for (int i = 0; i < xs.length; i++) {
                if (Double.isFinite(ys[i])) {
                    boolean marked = xs[i] == markX;
                    double r = marked ? 5 : 3;
                    double cx = px.applyAsDouble(xs[i]);
                    double cy = py.applyAsDouble(ys[i]);
                    g.setFill(marked ? MARK : LINE);
                    g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
                    if (xs[i] == chosenX) {
                        g.setStroke(title);
                        g.setLineWidth(1.5);
                        g.strokeOval(cx - 7, cy - 7, 14, 14);
                        g.setLineWidth(1);
                    }
                }
            }
        }
    }

    private static double fin(double candidate, double fallback) {
        return Double.isFinite(candidate) ? candidate : fallback;
    }
}
