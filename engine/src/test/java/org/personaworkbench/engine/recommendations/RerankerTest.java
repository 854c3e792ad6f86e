package org.personaworkbench.engine.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RerankerTest {

    /** q1 and q2 are always bought together with p; r with p less often and never with q1 or q2. */
    private static Shop pairs() {
        Shop shop = new Shop();
        for (int u = 0; u < 5; u++) {
            shop.buys("q-fan" + u, "p", "q1", "q2");
        }
        for (int u = 0; u < 3; u++) {
            shop.buys("r-fan" + u, "p", "r");
        }
        return shop.buys("other", "z", "w").buys("target", "p");
    }

    @Test
    void noDiversityKeepsTheRelevanceOrder() {
        Interactions train = pairs().interactions();
        Recommender model = Shop.fit(train, RecommenderOptions.defaults(Algorithm.ITEM_KNN));
        int user = Shop.user(train, "target");
        // z and w score 0: ties go to the smaller index (z came first)
        assertEquals(List.of("q1", "q2", "r", "z", "w"), Shop.ids(model.recommend(user, 5,
                RecommendRequest.defaults().withDiversity(0))));
    }

    @Test
    void diversityPromotesAnItemUnlikeTheOnesChosen() {
        Interactions train = pairs().interactions();
        Recommender model = Shop.fit(train, RecommenderOptions.defaults(Algorithm.ITEM_KNN));
        int user = Shop.user(train, "target");
        assertEquals(List.of("q1", "r"), Shop.ids(model.recommend(user, 2,
                RecommendRequest.defaults().withDiversity(0.5))));
    }

    @Test
    void aContextLeavesTheOrderAsItIs() {
        Interactions train = pairs().interactions();
        Recommender model = Shop.fit(train, RecommenderOptions.defaults(Algorithm.ITEM_KNN));
        int user = Shop.user(train, "target");
        assertEquals(model.recommend(user, 5, RecommendRequest.defaults()),
                model.recommend(user, 5, RecommendRequest.defaults().withContext("morning")));
    }
}
