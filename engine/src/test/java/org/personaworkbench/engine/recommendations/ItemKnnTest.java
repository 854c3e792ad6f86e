package org.personaworkbench.engine.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemKnnTest {

    /** Two groups of items bought together: A (a1..a3) and B (b1..b3, bought more often). */
    static Shop twoGroups() {
        Shop shop = new Shop();
        for (int u = 0; u < 4; u++) {
            shop.buys("a-fan" + u, "a1", "a2", "a3");
        }
        for (int u = 0; u < 6; u++) {
            shop.buys("b-fan" + u, "b1", "b2", "b3");
        }
        shop.buys("target", "a1");
        for (String id : List.of("a1", "a2", "a3")) {
            shop.item(id, "Garden " + id, "", "garden");
        }
        for (String id : List.of("b1", "b2", "b3")) {
            shop.item(id, "Kitchen " + id, "", "kitchen");
        }
        return shop;
    }

    @Test
    void aBuyerFromOneGroupGetsTheRestOfThatGroup() {
        Shop shop = twoGroups();
        Interactions train = shop.interactions();
        Recommender model = Shop.fit(train, shop.options(Algorithm.ITEM_KNN));
        List<Recommendation> list = model.recommend(Shop.user(train, "target"), 2, RecommendRequest.defaults());
        assertEquals(Set.of("a2", "a3"), Set.copyOf(Shop.ids(list)));
        assertEquals("because you bought Garden a1", list.getFirst().explanation());
        // cosine 4 / (√5 · √4) shrunk by co-buyers 4 / (4 + 10), times strength 1
        assertEquals(4 / Math.sqrt(20) * 4 / 14, list.getFirst().score(), 1e-6);
    }

    @Test
    void aUserWithoutHistoryGetsPopularItems() {
        Shop shop = twoGroups();
        Interactions train = shop.interactions();
        Recommender model = Shop.fit(train, shop.options(Algorithm.ITEM_KNN));
        List<Recommendation> list = model.recommend(train.users(), 3, RecommendRequest.defaults());
        assertEquals(List.of("b1", "b2", "b3"), Shop.ids(list));
        assertTrue(list.getFirst().explanation().startsWith("popular"));
    }

    @Test
    void excludeSeenDecidesWhetherBoughtItemsReturn() {
        Shop shop = twoGroups();
        Interactions train = shop.interactions();
        Recommender model = Shop.fit(train, shop.options(Algorithm.ITEM_KNN));
        int user = Shop.user(train, "a-fan0");
        assertTrue(Shop.ids(model.recommend(user, 6, RecommendRequest.defaults())).stream()
                .noneMatch(id -> id.startsWith("a")));
        assertEquals(Set.of("a1", "a2", "a3"), Set.copyOf(Shop.ids(
                model.recommend(user, 3, RecommendRequest.defaults().withExcludeSeen(false)))));
    }

    @Test
    void categoryFiltersKeepAndDropCategories() {
        Shop shop = twoGroups();
        Interactions train = shop.interactions();
        Recommender model = Shop.fit(train, shop.options(Algorithm.ITEM_KNN));
        int user = Shop.user(train, "target");
        assertEquals(Set.of("b1", "b2", "b3"), Set.copyOf(Shop.ids(model.recommend(user, 5,
                RecommendRequest.defaults().withCategories(Set.of("kitchen"), Set.of())))));
        assertEquals(Set.of("b1", "b2", "b3"), Set.copyOf(Shop.ids(model.recommend(user, 5,
                RecommendRequest.defaults().withCategories(Set.of(), Set.of("garden"))))));
    }

    @Test
    void sameDataGivesTheSameListsAcrossFits() {
        Shop shop = twoGroups();
        Interactions train = shop.interactions();
        List<Recommendation> first = Shop.fit(train, shop.options(Algorithm.ITEM_KNN))
                .recommend(Shop.user(train, "target"), 5, RecommendRequest.defaults());
        List<Recommendation> second = Shop.fit(train, shop.options(Algorithm.ITEM_KNN))
                .recommend(Shop.user(train, "target"), 5, RecommendRequest.defaults());
        assertEquals(first, second);
    }
}
