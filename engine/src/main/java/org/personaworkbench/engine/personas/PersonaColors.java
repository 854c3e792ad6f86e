package org.personaworkbench.engine.personas;

import java.util.Locale;

/**
 * The card colour of a segment's persona: the same palette, by segment number, as the segment charts of the
 * desktop app (Tableau 10; hex values copied from {@code app/.../segments/SegmentColors.java}, which the engine
 * cannot depend on), so a persona wears its segment's colour. Beyond ten segments the palette repeats darker,
 * then lighter, as there.
 */
final class PersonaColors {

    private static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
        "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

    private PersonaColors() {
    }

    /** The colour of segment {@code segment} as #rrggbb (grey for noise). */
    static String of(int segment) {
        if (segment < 0) {
            return "#8c959f";
        }
        String base = PALETTE[segment % PALETTE.length];
        int round = segment / PALETTE.length;
        if (round == 0) {
            return base;
        }
        double factor = round % 2 == 1 ? 0.7 : 1.25;
        int rgb = Integer.parseInt(base.substring(1), 16);
        int r = scale(rgb >> 16, factor);
        int g = scale((rgb >> 8) & 0xFF, factor);
        int b = scale(rgb & 0xFF, factor);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static int scale(int channel, double factor) {
        return (int) Math.max(0, Math.min(255, Math.round(channel * factor)));
    }
}
