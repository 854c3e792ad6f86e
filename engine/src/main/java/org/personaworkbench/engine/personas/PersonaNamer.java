package org.personaworkbench.engine.personas;

import org.personaworkbench.engine.segmentation.FeatureComparison;
import org.personaworkbench.engine.segmentation.SegmentProfile;
import org.personaworkbench.engine.segmentation.SegmentProfiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Suggests a persona name and a marketing goal for every segment of a run, never two names alike.
 * <p>
 * With RFM columns among the tested features or the joined figures the name says the segment's RFM position
 * ({@link RfmPosition}): an adjective from recency and frequency ("Loyal", "New", "Lapsed", "At-risk",
 * "Occasional", "Active", "Frequent") and a noun from spend and order value ("high spenders", "bargain hunters",
 * "light spenders", "first-time buyers", "small-basket buyers", "big-basket buyers", "regulars"), or
 * "Champions" for a recent segment with at least 3× the orders and 4× the spend of the rest. Otherwise the name
 * is the two most distinguishing tested traits (q &lt; 0.05, largest |Cohen's d| first) in words: "High income,
 * low age".
 * <p>
 * When two segments get the same name, each gets its next distinguishing tested trait as a qualifier
 * ("Lapsed bargain hunters (high tenure)"), then a second one; a segment number is the last resort.
 * <p>
 * Goals, first rule that holds: lapsed and valuable (high spend or many orders) → win back; recent with few
 * orders → onboard; frequent with low order value → upsell; high spend with few categories → cross-sell;
 * frequent and high spend → retain; then lapsed → win back; low spend → upsell; high spend → retain;
 * otherwise cross-sell.
 */
public final class PersonaNamer {

    private static final int MAX_QUALIFIERS = 2;

    /** Features the RFM name already speaks about, so they are not used again as qualifiers. */
    private static final Set<String> RFM_NAMED = Set.of("recency_days", "frequency", "monetary",
            "average_order_value");

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("recency_days", "recency"),
            Map.entry("frequency", "order count"),
            Map.entry("monetary", "spend"),
            Map.entry("average_order_value", "order value"),
            Map.entry("tenure_days", "tenure"),
            Map.entry("distinct_items", "item variety"),
            Map.entry("distinct_categories", "category variety"),
            Map.entry("returns_share", "returns"),
            Map.entry("r_score", "R score"),
            Map.entry("f_score", "F score"),
            Map.entry("m_score", "M score"));

    private PersonaNamer() {
    }

    /**
     * A suggested name and goal for one segment.
     *
     * @param segment segment number
     * @param name    distinct within the run
     * @param goal    the suggested marketing goal
     */
    public record Suggestion(int segment, String name, ActionableGoal goal) {
    }

    /** Suggestions for every segment of tested profiles (RFM position from the profile's own RFM columns). */
    public static List<Suggestion> suggest(SegmentProfiles profiles) {
        List<SegmentFacts> facts = new ArrayList<>();
        for (SegmentProfile p : profiles.segments()) {
            Map<String, SegmentFacts.Signal> signals = new HashMap<>();
            for (FeatureComparison c : p.features()) {
                String column = c.feature().toLowerCase(Locale.ROOT);
                if (RunFacts.RFM.contains(column)) {
                    signals.put(column, SegmentFacts.Signal.of(c));
                }
            }
            PersonaFigures figures = new PersonaFigures(p.size(), p.share(), Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, List.of());
            facts.add(new SegmentFacts(p.segment(), figures, signals, p.features(), p.traits(), Map.of()));
        }
        return suggest(facts);
    }

    /** Suggestions in the order of {@code facts}. */
    static List<Suggestion> suggest(List<SegmentFacts> facts) {
        int n = facts.size();
        String[] base = new String[n];
        List<List<String>> qualifiers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SegmentFacts f = facts.get(i);
            RfmPosition position = RfmPosition.of(f);
            Set<String> used = new HashSet<>();
            base[i] = position.known() ? rfmName(position) : traitName(f, used);
            if (position.known()) {
                used.addAll(RFM_NAMED);
            }
            qualifiers.add(qualifiers(f, used));
        }
        String[] names = base.clone();
        int[] depth = new int[n];
        for (int round = 0; round <= MAX_QUALIFIERS + 1; round++) {
            Map<String, Integer> counts = new HashMap<>();
            for (String name : names) {
                counts.merge(name.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
            boolean clash = false;
            for (int i = 0; i < n; i++) {
                if (counts.get(names[i].toLowerCase(Locale.ROOT)) > 1) {
                    clash = true;
                    depth[i]++;
                    List<String> q = qualifiers.get(i);
                    names[i] = depth[i] <= Math.min(q.size(), MAX_QUALIFIERS)
                            ? base[i] + " (" + String.join(", ", q.subList(0, depth[i])) + ")"
                            : base[i] + " (segment " + facts.get(i).segment() + ")";
                }
            }
            if (!clash) {
                break;
            }
        }
        List<Suggestion> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Suggestion(facts.get(i).segment(), names[i], goal(RfmPosition.of(facts.get(i)))));
        }
        return out;
    }

    /** The name from the RFM position (see the class comment). */
    static String rfmName(RfmPosition p) {
        if (p.recent() && p.frequent() && p.valuable() && p.frequencyLift() >= 3 && p.monetaryLift() >= 4) {
            return "Champions";
        }
        String noun;
        if (p.valuable()) {
            noun = "high spenders";
        } else if (p.orderValue() == RfmPosition.Level.HIGH) {
            noun = "big-basket buyers";
        } else if (p.recent() && p.fewOrders() && p.ordersPerCustomer() <= 1.5) {
            noun = "first-time buyers";
        } else if (p.frequent() && p.orderValue() == RfmPosition.Level.LOW) {
            noun = "small-basket buyers";
        } else if (p.lowSpend() && p.orderValue() == RfmPosition.Level.LOW) {
            noun = "bargain hunters";
        } else if (p.lowSpend()) {
            noun = "light spenders";
        } else if (p.frequent()) {
            noun = "regulars";
        } else {
            noun = "customers";
        }
        String adjective;
        if (p.lapsed() && (p.frequent() || p.valuable())) {
            adjective = "At-risk";
        } else if (p.lapsed()) {
            adjective = "Lapsed";
        } else if (p.recent() && p.fewOrders()) {
            adjective = "New";
        } else if (p.frequent()) {
            adjective = noun.equals("small-basket buyers") || noun.equals("regulars") ? "Frequent" : "Loyal";
        } else if (p.recent()) {
            adjective = "Active";
        } else if (p.fewOrders()) {
            adjective = "Occasional";
        } else {
            adjective = noun.equals("customers") ? "Everyday" : "";
        }
        if (adjective.equals("Frequent") && noun.equals("regulars")) {
            adjective = "Loyal";
        }
        String name = adjective.isEmpty() ? noun : adjective + " " + noun;
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** "High income, low age" from the two most distinguishing tested traits; "Segment N" without any. */
    private static String traitName(SegmentFacts f, Set<String> used) {
        List<FeatureComparison> top = distinguishing(f).stream().limit(2).toList();
        if (top.isEmpty()) {
            return "Segment " + f.segment();
        }
        List<String> parts = new ArrayList<>();
        for (FeatureComparison c : top) {
            parts.add(phrase(c, f.labels()));
            used.add(c.feature().toLowerCase(Locale.ROOT));
        }
        String name = String.join(", ", parts);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Tested features with q &lt; 0.05, largest |effect size| first. */
    private static List<FeatureComparison> distinguishing(SegmentFacts f) {
        return f.tested().stream()
                .filter(c -> Double.isFinite(c.q()) && c.q() < 0.05 && Double.isFinite(c.effectSize()))
                .sorted(Comparator.comparingDouble((FeatureComparison c) -> -Math.abs(c.effectSize()))
                        .thenComparing(FeatureComparison::feature))
                .toList();
    }

    private static List<String> qualifiers(SegmentFacts f, Set<String> used) {
        List<String> out = new ArrayList<>();
        for (FeatureComparison c : distinguishing(f)) {
            if (!used.contains(c.feature().toLowerCase(Locale.ROOT))) {
                out.add(phrase(c, f.labels()));
            }
        }
        return out;
    }

    /** "high income", "low Home decor share". */
    private static String phrase(FeatureComparison c, Map<String, String> labels) {
        return (c.mean() >= c.othersMean() ? "high " : "low ") + words(c.feature(), labels);
    }

    static String words(String column, Map<String, String> labels) {
        String key = column.toLowerCase(Locale.ROOT);
        if (WORDS.containsKey(key)) {
            return WORDS.get(key);
        }
        if (key.startsWith("share_")) {
            return labels.getOrDefault(key, RunFacts.pretty(key.substring("share_".length()))) + " share";
        }
        return column.replace('_', ' ').strip();
    }

    /** The goal rules of the class comment. */
    static ActionableGoal goal(RfmPosition p) {
        boolean lowOrderValue = p.orderValue() == RfmPosition.Level.LOW;
        if (p.lapsed() && (p.valuable() || p.frequent())) {
            return ActionableGoal.WIN_BACK;
        }
        if (p.recent() && p.fewOrders()) {
            return ActionableGoal.ONBOARD;
        }
        if (p.frequent() && lowOrderValue) {
            return ActionableGoal.UPSELL;
        }
        if (p.valuable() && p.categories() == RfmPosition.Level.LOW) {
            return ActionableGoal.CROSS_SELL;
        }
        if (p.frequent() && p.valuable()) {
            return ActionableGoal.RETAIN;
        }
        if (p.lapsed()) {
            return ActionableGoal.WIN_BACK;
        }
        if (p.lowSpend()) {
            return ActionableGoal.UPSELL;
        }
        if (p.valuable() || p.frequent()) {
            return ActionableGoal.RETAIN;
        }
        return ActionableGoal.CROSS_SELL;
    }
}
