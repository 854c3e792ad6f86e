package org.personaworkbench.engine.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HybridTest {

    private static RecommenderOptions hybrid(Shop shop) {
        return shop.options(Algorithm.HYBRID)
                .withHybridWeights(Map.of(Algorithm.ITEM_KNN, 0.7, Algorithm.CONTENT, 0.3));
    }

    @Test
    void aUserWithOneInteractionGetsPopularItems() {
        Shop shop = ItemKnnTest.twoGroups();
        Interactions train = shop.interactions();
        Recommender model = Shop.fit(train, hybrid(shop));
        List<Recommendation> list = model.recommend(Shop.user(train, "target"), 3, RecommendRequest.defaults());
        assertEquals(List.of("b1", "b2", "b3"), Shop.ids(list));
        assertEquals("popular with all customers", list.getFirst().explanation());
    }

    @Test
    void aNewcomerWithAPersonaGetsThePersonasFavourites() {
        Shop shop = ItemKnnTest.twoGroups();
        Interactions train = shop.interactions();
        java.util.Map<String, String> personas = new java.util.HashMap<>();
        for (int u = 0; u < 4; u++) {
            personas.put("a-fan" + u, "Gardeners");
        }
        personas.put("target", "Gardeners");
        Recommender model = Shop.fit(train, hybrid(shop).withPersonas(personas));
        List<Recommendation> list = model.recommend(Shop.user(train, "target"), 2, RecommendRequest.defaults());
        assertEquals(Set.of("a2", "a3"), Set.copyOf(Shop.ids(list)));
        assertEquals("popular with Gardeners", list.getFirst().explanation());
    }

    @Test
    void aUserWithHistoryGetsTheBlendExplainedByItsStrongestPart() {
        Shop shop = ItemKnnTest.twoGroups().buys("regular", "a1", "a2", "b1");
        Interactions train = shop.interactions();
        Recommender model = Shop.fit(train, hybrid(shop));
        List<Recommendation> list = model.recommend(Shop.user(train, "regular"), 3, RecommendRequest.defaults());
        // a3 is the one item reached from both a1 and a2; b2, b3 from b1 only
        assertEquals("a3", list.getFirst().itemId());
        assertEquals(Set.of("b2", "b3"), Set.copyOf(Shop.ids(list).subList(1, 3)));
        assertTrue(list.getFirst().explanation().startsWith("because you bought Garden a"),
                list.getFirst().explanation());
        assertEquals(1.0, list.getFirst().score(), 1e-9);
    }

    @Test
    void aNewItemEntersThroughItsContentScore() {
        Shop shop = ItemKnnTest.twoGroups().buys("regular", "a1", "a2", "a3")
                .buys("launch", "a-new").item("a-new", "Garden a-new", "", "garden");
        Interactions all = shop.interactions();
        int fresh = all.itemIndex("a-new").orElseThrow();
        Interactions train = all.filter((u, i, v, t) -> i != fresh);
        Recommender model = Shop.fit(train, hybrid(shop));
        List<Recommendation> list = model.recommend(Shop.user(train, "regular"), 1, RecommendRequest.defaults());
        assertEquals("a-new", list.getFirst().itemId());
        assertTrue(list.getFirst().explanation().startsWith("new: similar to items you bought: terms garden"),
                list.getFirst().explanation());
    }
}
