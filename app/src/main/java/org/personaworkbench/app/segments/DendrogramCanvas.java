package org.personaworkbench.app.segments;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import org.personaworkbench.app.common.Formats;

import static org.personaworkbench.app.common.I18n.tr;

/** The top of the merge tree with the cut line; truncated leaves show how many rows they hold. */
final class DendrogramCanvas extends ChartCanvas {

    private DendrogramLayout layout;

    void setLayout(DendrogramLayout layout) {
        this.layout = layout;
        redraw();
    }

    @Override
    protected double computePrefHeight(double width) {
        return 360;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        if (layout == null || layout.leafCount() == 0) {
            return;
        }
        double left = 56;
        double right = w - 12;
        double top = 12;
        double bottom = h - (layout.truncated() || layout.leavesAreClusters() ? 40 : 16);
        double max = layout.maxHeight() > 0 ? layout.maxHeight() * 1.05 : 1;
        int leaves = layout.leafCount();
        double slot = (right - left) / leaves;
        java.util.function.DoubleUnaryOperator px = x -> left + (x + 0.5) * slot;
        java.util.function.DoubleUnaryOperator py = y -> bottom - y / max * (bottom - top);
        double yStep = step(max, 4);
        for (double t = 0; t <= max; t += yStep) {
            double y = Math.round(py.applyAsDouble(t)) + 0.5;
            g.setStroke(GRID);
            g.strokeLine(left, y, right, y);
            text(g, tick(t), left - 4, y, TextAlignment.RIGHT, VPos.CENTER, SMALL, text);
        }
        g.setStroke(LINE);
        g.setLineWidth(1.2);
        for (double[] s : layout.segments()) {
            g.strokeLine(px.applyAsDouble(s[0]), py.applyAsDouble(s[1]), px.applyAsDouble(s[2]),
                    py.applyAsDouble(s[3]));
        }
        g.setLineWidth(1);
        if (layout.truncated() || layout.leavesAreClusters()) {
            long[] sizes = layout.leafSizes();
            int every = Math.max(1, (int) Math.ceil(28 / slot));
            for (int i = 0; i < leaves; i += every) {
                text(g, "(" + Formats.count(sizes[i]) + ")", px.applyAsDouble(i), bottom + 4, TextAlignment.CENTER,
                        VPos.TOP, SMALL, text);
            }
        }
        if (Double.isFinite(layout.cutHeight())) {
            double y = Math.round(py.applyAsDouble(layout.cutHeight())) + 0.5;
            g.setStroke(MARK);
            g.setLineDashes(6, 4);
            g.setLineWidth(1.5);
            g.strokeLine(left, y, right, y);
            g.setLineDashes();
            g.setLineWidth(1);
            text(g, tr("segments.dendrogram.cut", tick(layout.cutHeight())), right, y - 3, TextAlignment.RIGHT,
                    VPos.BOTTOM, SMALL, MARK);
        }
    }
}
