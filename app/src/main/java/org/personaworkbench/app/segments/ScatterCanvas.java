package org.personaworkbench.app.segments;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The 2-D projection as a scatter of small squares coloured by segment, with a legend. The points are painted
 * into a pixel array and drawn as one image: one canvas command instead of one per point, because JavaFX's
 * software pipeline (no GPU, common on Linux VMs) took about 1.5 s to render 60,000 {@code fillRect}s and froze
 * the window; the array takes a few milliseconds for 100,000 points.
 */
final class ScatterCanvas extends ChartCanvas {

    private ScatterData data;

    void setData(ScatterData data) {
        this.data = data;
        redraw();
    }

    int points() {
        return data == null ? 0 : data.points();
    }

    /** Paints the points with source-over blending into a premultiplied ARGB image of the plot area. */
    static WritableImage raster(ScatterData data, int pw, int ph) {
        int[] pixels = new int[pw * ph];
        float[] x = data.x();
        float[] y = data.y();
        int[] seg = data.segment();
        int n = x.length;
        int size = n > 50_000 ? 2 : n > 5_000 ? 2 : 4;
        double alpha = n > 50_000 ? 0.35 : n > 5_000 ? 0.55 : 0.85;
        int maxSeg = -1;
        for (int s : seg) {
            maxSeg = Math.max(maxSeg, s);
        }
        int[][] colour = new int[maxSeg + 2][];
        for (int s = -1; s <= maxSeg; s++) {
            Color c = SegmentColors.of(s);
            colour[s + 1] = new int[] {(int) Math.round(alpha * 255), (int) Math.round(c.getRed() * alpha * 255),
                (int) Math.round(c.getGreen() * alpha * 255), (int) Math.round(c.getBlue() * alpha * 255)};
        }
        double sx = (pw - size) / Math.max(1e-9, data.maxX() - data.minX());
        double sy = (ph - size) / Math.max(1e-9, data.maxY() - data.minY());
        float minX = data.minX();
        float minY = data.minY();
        for (int i = 0; i < n; i++) {
            int[] c = colour[seg[i] + 1];
            int px = (int) ((x[i] - minX) * sx);
            int py = ph - size - (int) ((y[i] - minY) * sy);
            for (int dy = 0; dy < size; dy++) {
                int row = (py + dy) * pw;
                for (int dx = 0; dx < size; dx++) {
                    int at = row + px + dx;
                    if (at >= 0 && at < pixels.length) {
                        pixels[at] = over(c, pixels[at]);
                    }
                }
            }
        }
        WritableImage image = new WritableImage(pw, ph);
        image.getPixelWriter().setPixels(0, 0, pw, ph, PixelFormat.getIntArgbPreInstance(), pixels, 0, pw);
        return image;
    }

    private static int over(int[] src, int dst) {
        int keep = 255 - src[0];
        int a = src[0] + ((dst >>> 24) * keep + 127) / 255;
        int r = src[1] + (((dst >> 16) & 0xff) * keep + 127) / 255;
        int gr = src[2] + (((dst >> 8) & 0xff) * keep + 127) / 255;
        int b = src[3] + ((dst & 0xff) * keep + 127) / 255;
        return a << 24 | r << 16 | gr << 8 | b;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 360;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        if (data == null || data.points() == 0) {
            return;
        }
        double legend = 110;
        double left = 12;
        double top = 10;
        double right = w - legend;
        double bottom = h - 24;
        g.setStroke(GRID);
        g.strokeRect(left - 0.5, top - 0.5, right - left + 1, bottom - top + 1);
        int pw = (int) Math.max(1, right - left);
        int ph = (int) Math.max(1, bottom - top);
        g.drawImage(raster(data, pw, ph), left, top);
        int maxSeg = -1;
        for (int s : data.segment()) {
            maxSeg = Math.max(maxSeg, s);
        }
        // axes titles
        double[] ev = data.explainedVariance();
        String ax = ev.length >= 2 ? String.format(java.util.Locale.ROOT, "%s 1 (%.0f%%)", data.method(), ev[0] * 100)
                : data.method() + " 1";
        String ay = ev.length >= 2 ? String.format(java.util.Locale.ROOT, "%s 2 (%.0f%%)", data.method(), ev[1] * 100)
                : data.method() + " 2";
        text(g, ax, (left + right) / 2, bottom + 6, TextAlignment.CENTER, VPos.TOP, SMALL, text);
        g.save();
        g.translate(left + 4, top + 4);
        text(g, ay, 0, 0, TextAlignment.LEFT, VPos.TOP, SMALL, text);
        g.restore();
        // legend
        double ly = top + 4;
        for (int s = 0; s <= maxSeg && ly < h - 16; s++) {
            g.setFill(SegmentColors.of(s));
            g.fillRect(right + 14, ly + 2, 10, 10);
            text(g, org.personaworkbench.app.common.I18n.tr("segments.segment", s), right + 30, ly, TextAlignment.LEFT,
                    VPos.TOP, SMALL, text);
            ly += 18;
        }
        boolean noise = false;
        for (int s : data.segment()) {
            if (s < 0) {
                noise = true;
                break;
            }
        }
        if (noise && ly < h - 16) {
            g.setFill(SegmentColors.of(-1));
            g.fillRect(right + 14, ly + 2, 10, 10);
            text(g, org.personaworkbench.app.common.I18n.tr("segments.noise"), right + 30, ly, TextAlignment.LEFT,
                    VPos.TOP, SMALL, text);
        }
    }
}
