package org.personaworkbench.engine.recommendations;

import java.util.Map;
import java.util.Objects;

/**
 * What is known about items beyond interactions: a display title, text for content similarity (description,
 * title, tags, category) and a category, by item id. Items missing here still get collaborative scores.
 */
public record ItemCatalog(Map<String, Item> items) {

    /** One item's descriptive fields (empty strings where unknown). */
    public record Item(String id, String title, String text, String category) {
        public Item {
            Objects.requireNonNull(id, "id");
            title = Objects.requireNonNullElse(title, "");
            text = Objects.requireNonNullElse(text, "");
            category = Objects.requireNonNullElse(category, "");
        }
    }

    public static final ItemCatalog EMPTY = new ItemCatalog(Map.of());

    public ItemCatalog {
        items = Map.copyOf(items);
    }

    /** The item's title, or its id when the catalogue has none. */
    public String title(String id) {
        Item item = items.get(id);
        return item == null || item.title().isBlank() ? id : item.title();
    }

    public String category(String id) {
        Item item = items.get(id);
        return item == null ? "" : item.category();
    }
}
