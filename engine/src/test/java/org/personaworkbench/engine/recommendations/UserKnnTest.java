package org.personaworkbench.engine.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserKnnTest {

    @Test
    void customersLikeTheUserDecideTheList() {
        Shop shop = ItemKnnTest.twoGroups();
        Interactions train = shop.interactions();
        Recommender model = Shop.fit(train, shop.options(Algorithm.USER_KNN));
        List<Recommendation> list = model.recommend(Shop.user(train, "target"), 2, RecommendRequest.defaults());
        assertEquals(Set.of("a2", "a3"), Set.copyOf(Shop.ids(list)));
        assertEquals("liked by 4 customers like you", list.getFirst().explanation());
        // 4 a-fans, each cos 1 / √3 shrunk by 1 / (1 + 10), strength 1
        assertEquals(4 / Math.sqrt(3) / 11, list.getFirst().score(), 1e-6);
    }
}
