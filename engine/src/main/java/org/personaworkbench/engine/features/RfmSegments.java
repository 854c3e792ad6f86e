package org.personaworkbench.engine.features;

import java.util.List;

/**
 * The standard RFM segment names from the widely used 5×5 grid of the recency score R against
 * FM = the average of the frequency and monetary scores, rounded half up ({@code (F + M + 1) / 2}):
 *
 * <pre>
 *          FM=1            FM=2                FM=3                FM=4         FM=5
 * R=5   New              Potential Loyalist  Potential Loyalist  Champions    Champions
 * R=4   Promising        Potential Loyalist  Potential Loyalist  Loyal        Loyal
 * R=3   About to Sleep   About to Sleep      Need Attention      Loyal        Loyal
 * R=2   Hibernating      Hibernating         At Risk             At Risk      Can't Lose Them
 * R=1   Lost             Lost                At Risk             At Risk      Can't Lose Them
 * </pre>
 *
 * It is the popular R-by-F regex map (Champions = 5[4-5], Loyal = [3-4][4-5], …) read on FM instead of
 * F, with its low-low corner split into Hibernating (R=2) and Lost (R=1).
 */
public final class RfmSegments {

    /** Every segment name, best first. */
    public static final List<String> NAMES = List.of("Champions", "Loyal", "Potential Loyalist", "New",
            "Promising", "Need Attention", "About to Sleep", "At Risk", "Can't Lose Them", "Hibernating", "Lost");

    private static final String[][] GRID = {
            // R=1
            {"Lost", "Lost", "At Risk", "At Risk", "Can't Lose Them"},
            // R=2
            {"Hibernating", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"},
            // R=3
            {"About to Sleep", "About to Sleep", "Need Attention", "Loyal", "Loyal"},
            // R=4
            {"Promising", "Potential Loyalist", "Potential Loyalist", "Loyal", "Loyal"},
            // R=5
            {"New", "Potential Loyalist", "Potential Loyalist", "Champions", "Champions"},
    };

    private RfmSegments() {
    }

    /** The segment for scores 1–5. */
    public static String segment(int r, int f, int m) {
        check(r);
        check(f);
        check(m);
        int fm = (f + m + 1) / 2;
        return GRID[r - 1][fm - 1];
    }

    private static void check(int score) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("RFM scores run from 1 to 5, not " + score);
        }
    }
}
