package org.personaworkbench.engine.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.CancelledException;

class RecommendersTest {

    @Test
    void everyModelServesAColdStartUserWithPopularItems() {
        Shop shop = ItemKnnTest.twoGroups();
        Interactions train = shop.interactions();
        for (Algorithm a : new Algorithm[] {Algorithm.POPULARITY, Algorithm.ITEM_KNN, Algorithm.USER_KNN,
            Algorithm.CONTENT}) {
            Recommender model = Shop.fit(train, shop.options(a));
            assertEquals(a, model.algorithm());
            assertEquals(java.util.List.of("b1", "b2"),
                    Shop.ids(model.recommend(train.users() + 5, 2, RecommendRequest.defaults())), a.word());
        }
    }

    @Test
    void askingForMoreItemsThanExistGivesEveryUnseenItem() {
        Shop shop = ItemKnnTest.twoGroups();
        Interactions train = shop.interactions();
        for (double lambda : new double[] {0, 0.5}) {
            assertEquals(5, Shop.fit(train, shop.options(Algorithm.ITEM_KNN)).recommend(Shop.user(train, "target"),
                    Integer.MAX_VALUE, RecommendRequest.defaults().withDiversity(lambda)).size());
        }
    }

    @Test
    void aCancelledFitStops() {
        Shop shop = ItemKnnTest.twoGroups();
        CancellationToken cancel = CancellationToken.create();
        cancel.cancel();
        assertThrows(CancelledException.class, () -> Recommenders.fit(shop.interactions(),
                shop.options(Algorithm.ITEM_KNN), (d, t, m) -> { }, cancel));
    }

    @Test
    void itemNeighboursReportProgressUpToTheLastItem() {
        Shop shop = ItemKnnTest.twoGroups();
        java.util.List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        Recommenders.fit(shop.interactions(), shop.options(Algorithm.ITEM_KNN),
                (done, total, message) -> messages.add(done + "/" + total + " " + message), CancellationToken.create());
        assertTrue(messages.contains("6/6 Compared 6 of 6 items"), messages.toString());
    }
}
