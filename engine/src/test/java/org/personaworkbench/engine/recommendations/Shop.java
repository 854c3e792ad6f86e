package org.personaworkbench.engine.recommendations;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small hand-made purchase data for model tests: events added user by user, a catalogue, fitting in one call. */
final class Shop {

    private final List<Interaction> events = new ArrayList<>();
    private final Map<String, ItemCatalog.Item> items = new HashMap<>();

    Shop buys(String user, String... itemIds) {
        for (String item : itemIds) {
            events.add(new Interaction(user, item, 1, Interaction.NO_TIME));
        }
        return this;
    }

    Shop buysAt(String user, String item, long epochSecond) {
        events.add(new Interaction(user, item, 1, epochSecond));
        return this;
    }

    Shop item(String id, String title, String text, String category) {
        items.put(id, new ItemCatalog.Item(id, title, text, category));
        return this;
    }

    Interactions interactions() {
        return Interactions.of(events, FeedbackKind.IMPLICIT_COUNT, 0);
    }

    ItemCatalog catalog() {
        return new ItemCatalog(items);
    }

    RecommenderOptions options(Algorithm algorithm) {
        return RecommenderOptions.defaults(algorithm).withCatalog(catalog());
    }

    static Recommender fit(Interactions train, RecommenderOptions options) {
        return Recommenders.fit(train, options, Progress.NONE, CancellationToken.create());
    }

    static int user(Interactions train, String id) {
        return train.userIndex(id).orElseThrow();
    }

    static List<String> ids(List<Recommendation> list) {
        return list.stream().map(Recommendation::itemId).toList();
    }
}
