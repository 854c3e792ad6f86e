package org.personaworkbench.app.recommendations;

import org.junit.jupiter.api.Test;
import org.personaworkbench.engine.recommendations.Algorithm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScoreFormatTest {

    private static List<RankedItem> items(double... scores) {
        List<RankedItem> out = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            out.add(new RankedItem(i + 1, "i" + i, "Item " + i, scores[i], ""));
        }
        return out;
    }

    private static List<String> shown(Algorithm a, double... scores) {
        List<RankedItem> items = items(scores);
        ScoreFormat f = ScoreFormat.forList(a, items, Locale.ROOT);
        return items.stream().map(i -> f.format(i.score())).toList();
    }

    @Test
    void popularityCountsWithTheirTieBreakShowAsWholeCustomers() {
        assertEquals(List.of("100", "100", "7"), shown(Algorithm.POPULARITY, 100.001, 100.0004, 7.00002));
    }

    @Test
    void recencyWeightedPopularityKeepsThreeSignificantDigitsOfTheLargestScore() {
        assertEquals(List.of("12.3", "4.6", "0.0"), shown(Algorithm.POPULARITY, 12.345, 4.56, 0.01));
    }

    @Test
    void everyLineOfAListGetsTheDecimalsOfItsLargestScore() {
        assertEquals(List.of("0.523", "0.100", "0.004"), shown(Algorithm.ITEM_KNN, 0.5234, 0.1, 0.0041));
        assertEquals(List.of("0.00123", "0.00050"), shown(Algorithm.ALS, 0.001234, 0.0005));
        assertEquals(List.of("153", "-2"), shown(Algorithm.HYBRID, 153.4, -2.2));
        assertEquals(List.of("–", "1.50"), shown(Algorithm.CONTENT, Double.NaN, 1.5));
    }
}
