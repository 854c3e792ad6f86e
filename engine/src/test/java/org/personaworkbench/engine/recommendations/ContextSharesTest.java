package org.personaworkbench.engine.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

class ContextSharesTest {

    private static final long DAY = 1_700_006_400L; // 2023-11-15 00:00 UTC

    /** Wine: 5 buyers in the evening. Coffee: 3 buyers in the morning, 1 in the evening. */
    private static List<Interaction> events() {
        List<Interaction> events = new ArrayList<>();
        for (int u = 0; u < 5; u++) {
            events.add(new Interaction("w" + u, "wine", 1, DAY + 20 * 3600));
        }
        for (int u = 0; u < 3; u++) {
            events.add(new Interaction("c" + u, "coffee", 1, DAY + 8 * 3600));
        }
        events.add(new Interaction("c3", "coffee", 1, DAY + 20 * 3600));
        return events;
    }

    @Test
    void sharesCountEachItemsInteractionsPerTimeOfDay() {
        Map<String, Map<String, Double>> shares = ContextShares.byTimeOfDay(events(), ZoneOffset.UTC);
        assertEquals(0.75, shares.get("morning").get("coffee"), 1e-12);
        assertEquals(3.0 / 9, shares.get("morning").get(ContextShares.OVERALL), 1e-12);
        assertEquals(1.0, shares.get("evening").get("wine"), 1e-12);
        assertEquals(6.0 / 9, shares.get("evening").get(ContextShares.OVERALL), 1e-12);
    }

    @Test
    void aContextBoostsItemsChosenMoreOftenInIt() {
        List<Interaction> events = events();
        Interactions train = Interactions.of(events, FeedbackKind.IMPLICIT_COUNT, 0);
        RecommenderOptions options = RecommenderOptions.defaults(Algorithm.POPULARITY)
                .withContextShares(ContextShares.byTimeOfDay(events, ZoneOffset.UTC));
        Recommender model = Recommenders.fit(train, options, Progress.NONE, CancellationToken.create());
        int newcomer = train.users();
        assertEquals(List.of("wine", "coffee"), Shop.ids(model.recommend(newcomer, 2, RecommendRequest.defaults())));
        List<Recommendation> morning = model.recommend(newcomer, 2, RecommendRequest.defaults().withContext("morning"));
        assertEquals(List.of("coffee", "wine"), Shop.ids(morning));
        // 4 buyers × the capped boost 1.5 (lift 0.75 / (3/9) = 2.25)
        assertEquals(6.0, morning.getFirst().score(), 0.01);
        assertEquals(List.of("wine", "coffee"),
                Shop.ids(model.recommend(newcomer, 2, RecommendRequest.defaults().withContext("mobile"))));
    }
}
