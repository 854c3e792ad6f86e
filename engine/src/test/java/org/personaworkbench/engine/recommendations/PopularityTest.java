package org.personaworkbench.engine.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PopularityTest {

    private static Shop shop() {
        return new Shop()
                .buys("u1", "milk", "bread", "tea")
                .buys("u2", "milk", "bread")
                .buys("u3", "milk", "jam")
                .buys("u4", "milk")
                .buys("v1", "wine", "cheese")
                .buys("v2", "wine", "cheese")
                .buys("v3", "wine", "cheese")
                .buys("v4", "wine")
                .buys("v5", "wine", "olives")
                .buys("t", "tea");
    }

    @Test
    void ranksItemsByHowManyBoughtThem() {
        Interactions train = shop().interactions();
        Recommender model = Shop.fit(train, RecommenderOptions.defaults(Algorithm.POPULARITY));
        List<Recommendation> list = model.recommend(Shop.user(train, "t"), 4, RecommendRequest.defaults());
        assertEquals(List.of("wine", "milk", "cheese", "bread"), Shop.ids(list));
        assertEquals(5, list.getFirst().score(), 0.01);
        assertEquals("popular with all customers", list.getFirst().explanation());
    }

    @Test
    void personaUsersGetTheirPersonasFavourites() {
        Interactions train = shop().interactions();
        Map<String, String> personas = Map.of("u1", "Breakfast fans", "u2", "Breakfast fans", "u3",
                "Breakfast fans", "u4", "Breakfast fans", "t", "Breakfast fans", "v1", "Wine lovers");
        Recommender model = Shop.fit(train, RecommenderOptions.defaults(Algorithm.POPULARITY).withPersonas(personas));
        List<Recommendation> list = model.recommend(Shop.user(train, "t"), 3, RecommendRequest.defaults());
        assertEquals(List.of("milk", "bread", "jam"), Shop.ids(list));
        assertEquals("popular with Breakfast fans", list.getFirst().explanation());
        // Wine lovers has one user: too few for its own list, so v1 gets the global one
        assertEquals("popular with all customers",
                model.recommend(Shop.user(train, "v1"), 1, RecommendRequest.defaults()).getFirst().explanation());
    }

    @Test
    void trendingCountsOnlyTheRecentWindow() {
        long day = 86_400;
        long now = 1_700_000_000L;
        Shop shop = new Shop();
        for (int u = 0; u < 5; u++) {
            shop.buysAt("old" + u, "classic", now - 100 * day);
        }
        for (int u = 0; u < 2; u++) {
            shop.buysAt("new" + u, "hit", now - u * day);
        }
        Interactions train = shop.interactions();
        Recommender allTime = Shop.fit(train, RecommenderOptions.defaults(Algorithm.POPULARITY));
        Recommender trending = Shop.fit(train, RecommenderOptions.defaults(Algorithm.POPULARITY).withTrendingDays(30));
        int cold = train.users();
        assertEquals(List.of("classic", "hit"), Shop.ids(allTime.recommend(cold, 2, RecommendRequest.defaults())));
        List<Recommendation> recent = trending.recommend(cold, 2, RecommendRequest.defaults());
        assertEquals(List.of("hit", "classic"), Shop.ids(recent));
        assertEquals("trending in the last 30 days", recent.getFirst().explanation());
    }
}
