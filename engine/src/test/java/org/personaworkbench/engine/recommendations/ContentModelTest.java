package org.personaworkbench.engine.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentModelTest {

    private static Shop garden() {
        return new Shop()
                .item("hose", "Garden hose", "brass fitting", "garden")
                .item("sprinkler", "Sprinkler", "brass garden sprinkler", "garden")
                .item("spade", "Spade", "garden spade", "garden")
                .item("kettle", "Kettle", "steel kitchen kettle", "kitchen")
                .item("pan", "Pan", "steel frying pan", "kitchen")
                .item("nozzle", "Hose nozzle", "brass hose nozzle", "garden")
                .buys("u1", "sprinkler", "spade")
                .buys("u2", "kettle", "pan")
                .buys("u3", "spade", "kettle")
                .buys("launch", "nozzle")
                .buys("t", "hose");
    }

    /** Everything but the nozzle's one sale: the nozzle is a new item with text and no interactions. */
    private static Interactions withNewNozzle(Shop shop) {
        Interactions all = shop.interactions();
        int nozzle = all.itemIndex("nozzle").orElseThrow();
        return all.filter((u, i, v, t) -> i != nozzle);
    }

    @Test
    void theItemSharingRareTermsComesFirstAndItsTermsExplainIt() {
        Shop shop = garden();
        Interactions train = withNewNozzle(shop);
        Recommender model = Shop.fit(train, shop.options(Algorithm.CONTENT));
        List<Recommendation> list = model.recommend(Shop.user(train, "t"), 3, RecommendRequest.defaults());
        assertEquals(List.of("nozzle", "sprinkler", "spade"), Shop.ids(list));
        // hose is the rarest shared term; garden is common but twice in the hose's text (title and category)
        assertEquals("similar to items you bought: terms hose, garden, brass", list.getFirst().explanation());
        assertTrue(list.get(0).score() > list.get(1).score() && list.get(1).score() > list.get(2).score());
        assertTrue(list.get(0).score() <= 1 + 1e-9);
    }

    @Test
    void tokensAreLowerCaseWordsWithoutStopWordsOrSingleLetters() {
        assertEquals(List.of("toy", "story", "1995", "children"), ItemTexts.tokens("The Toy Story (1995) a Children's"));
    }
}
