package org.personaworkbench.app.recommendations;

import org.personaworkbench.engine.recommendations.Algorithm;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * How one list's scores are shown: the same number of decimals for every line of a list, three significant digits
 * of its largest score (so "100.001", a count plus popularity's tie-break, reads "100" and ALS's 0.00123 keeps its
 * digits), and popularity's customer counts as whole numbers. Only the display changes; the engine's scores stay
 * as they are (the export writes them in full).
 */
final class ScoreFormat {

    private static final int SIGNIFICANT = 3;
    private static final int MAX_DECIMALS = 6;
    /** Popularity adds at most 1e-3 to a whole count to break ties by overall popularity. */
    private static final double TIE_BREAK = 1.5e-3;

    private final NumberFormat format;

    private ScoreFormat(int decimals, Locale locale) {
        format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
    }

    /** The format for a list of {@code algorithm} with these items, in the default locale. */
    static ScoreFormat forList(Algorithm algorithm, List<RankedItem> items) {
        return forList(algorithm, items, Locale.getDefault(Locale.Category.FORMAT));
    }

    static ScoreFormat forList(Algorithm algorithm, List<RankedItem> items, Locale locale) {
        double largest = 0;
        boolean counts = algorithm == Algorithm.POPULARITY;
        for (RankedItem item : items) {
            double s = item.score();
            if (Double.isFinite(s)) {
                largest = Math.max(largest, Math.abs(s));
                counts &= Math.abs(s - Math.rint(s)) <= TIE_BREAK;
            }
        }
        if (counts || largest == 0) {
            return new ScoreFormat(counts ? 0 : SIGNIFICANT, locale);
        }
        int magnitude = (int) Math.floor(Math.log10(largest));
        int decimals = Math.max(0, Math.min(MAX_DECIMALS, SIGNIFICANT - 1 - magnitude));
        return new ScoreFormat(decimals, locale);
    }

    /** One score as shown ("–" when undefined). */
    String format(double score) {
        return Double.isFinite(score) ? format.format(score) : "–";
    }
}
