package org.personaworkbench.app.data;

import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.personaworkbench.app.common.Formats;
import org.personaworkbench.engine.profile.Histogram;

import java.util.ArrayList;
import java.util.List;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * A tiny bar chart of a numeric column's histogram, drawn with one region per bin so the bars take
 * their colour from the theme's CSS (light and dark).
 */
public final class HistogramSparkline extends Region {

    private final List<Region> bars = new ArrayList<>();
    private List<Long> counts = List.of();

    public HistogramSparkline() {
        getStyleClass().add("histogram-sparkline");
        setPrefSize(140, 30);
        setMinSize(60, 20);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    }

    public void setHistogram(Histogram histogram) {
        getChildren().clear();
        bars.clear();
        if (histogram == null || histogram.counts().isEmpty()) {
            counts = List.of();
            Tooltip.install(this, null);
            return;
        }
        counts = histogram.counts();
        for (int i = 0; i < counts.size(); i++) {
            Region bar = new Region();
            bar.getStyleClass().add("histogram-bar");
            bars.add(bar);
        }
        getChildren().setAll(bars);
        Tooltip.install(this, new Tooltip(tr("profile.histogramTip", Formats.number(histogram.min()),
                Formats.number(histogram.max()), counts.size())));
        requestLayout();
    }

    /** Bin counts shown (for tests). */
    public List<Long> counts() {
        return counts;
    }

    @Override
    protected void layoutChildren() {
        if (bars.isEmpty()) {
            return;
        }
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        long max = counts.stream().mapToLong(Long::longValue).max().orElse(1);
        double slot = w / bars.size();
        double gap = slot > 4 ? 1 : 0;
        for (int i = 0; i < bars.size(); i++) {
            long c = counts.get(i);
            double bh = max == 0 ? 0 : Math.max(c > 0 ? 1.5 : 0, h * c / max);
            bars.get(i).resizeRelocate(snappedLeftInset() + i * slot, snappedTopInset() + h - bh,
                    Math.max(1, slot - gap), bh);
        }
    }
}
