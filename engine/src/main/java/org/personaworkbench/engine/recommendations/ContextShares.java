package org.personaworkbench.engine.recommendations;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * How often each item is chosen in each context (time of day, device), for the contextual re-rank: per context,
 * the share of an item's interactions made in that context, and under {@link #OVERALL} the share of all
 * interactions. The re-ranker boosts items whose share in the request's context exceeds the overall share
 * (an item bought twice as often in the morning as items in general gets up to {@link #MAX_BOOST}× its score).
 */
public final class ContextShares {

    /** The item id under which each context's share of all interactions is kept. */
    public static final String OVERALL = "";

    /** The largest factor a context can multiply a score by. */
    public static final double MAX_BOOST = 1.5;

    private ContextShares() {
    }

    /** Shares by a context each event is in (null = no context: counted in no context but in the totals). */
    public static Map<String, Map<String, Double>> of(Collection<Interaction> events,
                                                      Function<Interaction, String> contextOf) {
        List<Interaction> list = List.copyOf(events);
        return byIndex(list, k -> contextOf.apply(list.get(k)));
    }

    /**
     * Shares by a context given per event index (for contexts read beside the events, such as a device column);
     * null = no context for that event.
     */
    public static Map<String, Map<String, Double>> byIndex(List<Interaction> events, IntFunction<String> contextOf) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        Map<String, Integer> perItem = new HashMap<>();
        Map<String, Integer> perContext = new HashMap<>();
        for (int k = 0; k < events.size(); k++) {
            Interaction e = events.get(k);
            perItem.merge(e.item(), 1, Integer::sum);
            String context = contextOf.apply(k);
            if (context != null) {
                perContext.merge(context, 1, Integer::sum);
                counts.computeIfAbsent(context, c -> new HashMap<>()).merge(e.item(), 1, Integer::sum);
            }
        }
        Map<String, Map<String, Double>> out = new HashMap<>();
        counts.forEach((context, items) -> {
            Map<String, Double> shares = new HashMap<>();
            items.forEach((item, n) -> shares.put(item, (double) n / perItem.get(item)));
            shares.put(OVERALL, (double) perContext.get(context) / events.size());
            out.put(context, Map.copyOf(shares));
        });
        return Map.copyOf(out);
    }

    /** Shares by time of day in {@code zone}: night 0–6 h, morning 6–12 h, afternoon 12–18 h, evening 18–24 h. */
    public static Map<String, Map<String, Double>> byTimeOfDay(Collection<Interaction> events, ZoneId zone) {
        return of(events, e -> e.epochSecond() == Interaction.NO_TIME ? null
                : timeOfDay(Instant.ofEpochSecond(e.epochSecond()).atZone(zone).getHour()));
    }

    /** The time-of-day contexts in the order of a day, as {@link #timeOfDay(int)} names them. */
    public static final List<String> TIMES_OF_DAY = List.of("morning", "afternoon", "evening", "night");

    /** The prefix of device contexts ("device:mobile"). */
    public static final String DEVICE = "device:";

    /**
     * The contexts of {@code shares} in a stable order for menus and messages: times of day in the order of a day,
     * then the others (devices) alphabetically.
     */
    public static List<String> names(Map<String, Map<String, Double>> shares) {
        List<String> out = new java.util.ArrayList<>();
        TIMES_OF_DAY.stream().filter(shares::containsKey).forEach(out::add);
        shares.keySet().stream().filter(c -> !TIMES_OF_DAY.contains(c)).sorted().forEach(out::add);
        return List.copyOf(out);
    }

    /** "night", "morning", "afternoon" or "evening" for an hour 0–23. */
    public static String timeOfDay(int hour) {
        return hour < 6 ? "night" : hour < 12 ? "morning" : hour < 18 ? "afternoon" : "evening";
    }

    /**
     * Per item index of {@code train}, the factor for {@code context}: 1 + (share / overall − 1) / 2 for items
     * above the overall share, capped at {@link #MAX_BOOST}; 1 elsewhere. Null when the context is unknown.
     */
    static double[] boosts(Map<String, Map<String, Double>> shares, String context, Interactions train) {
        Map<String, Double> of = context == null ? null : shares.get(context);
        Double overall = of == null ? null : of.get(OVERALL);
        if (overall == null || !(overall > 0)) {
            return null;
        }
        double[] boost = new double[train.items()];
        for (int i = 0; i < boost.length; i++) {
            double share = of.getOrDefault(train.itemId(i), 0.0);
            double lift = share / overall;
            boost[i] = lift > 1 ? Math.min(MAX_BOOST, 1 + (lift - 1) / 2) : 1;
        }
        return boost;
    }
}
