package org.personaworkbench.engine.recommendations;

import java.util.Objects;

/**
 * One user–item event as read from data: a purchase, a view or a rating.
 *
 * @param user        user (customer) id
 * @param item        item id
 * @param value       the rating, or the quantity / count (1 for a plain event)
 * @param epochSecond when it happened (seconds since 1970 UTC), or {@link Long#MIN_VALUE} when unknown
 */
public record Interaction(String user, String item, double value, long epochSecond) {
    public static final long NO_TIME = Long.MIN_VALUE;

    public Interaction {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(item, "item");
    }
}
