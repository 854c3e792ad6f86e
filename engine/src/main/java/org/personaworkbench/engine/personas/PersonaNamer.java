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
 * ("Lapsed bargain hunters (high tenure)"), then a second one; segments that still clash are graded on the RFM
 * column where they differ most ("higher spend", "lower spend"); a segment number is the last resort. Only the
 * segment with the largest spend lift is called "Champions"; others that qualify are named by their position.
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
        RfmPosition[] positions = new RfmPosition[n];
        String[] base = new String[n];
        List<List<String>> qualifiers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SegmentFacts f = facts.get(i);
            positions[i] = RfmPosition.of(f);
            Set<String> used = new HashSet<>();
            base[i] = positions[i].known() ? rfmName(positions[i], true) : traitName(f, used);
            if (positions[i].known()) {
                used.addAll(RFM_NAMED);
            }
            qualifiers.add(qualifiers(f, used));
        }
        onlyOneChampion(positions, base);

        String[] names = base.clone();
        int[] depth = new int[n];
        for (int round = 0; round < MAX_QUALIFIERS; round++) {
            boolean changed = false;
            for (int i : clashing(names)) {
                List<String> q = qualifiers.get(i);
                if (depth[i] < Math.min(q.size(), MAX_QUALIFIERS)) {
                    depth[i]++;
                    names[i] = base[i] + " (" + String.join(", ", q.subList(0, depth[i])) + ")";
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        graded(facts, names);
        for (int i : clashing(names)) {
            names[i] = names[i] + " (segment " + facts.get(i).segment() + ")";
        }
        List<Suggestion> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Suggestion(facts.get(i).segment(), names[i], goal(positions[i])));
        }
        return out;
    }

    /** Indices of names that another segment has too (ignoring case). */
    private static List<Integer> clashing(String[] names) {
        Map<String, Integer> counts = new HashMap<>();
        for (String name : names) {
            counts.merge(name.toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (counts.get(names[i].toLowerCase(Locale.ROOT)) > 1) {
                out.add(i);
            }
        }
        return out;
    }

    /** When several segments qualify as Champions, the one with the largest spend lift keeps the title. */
    private static void onlyOneChampion(RfmPosition[] positions, String[] base) {
        int best = -1;
        for (int i = 0; i < base.length; i++) {
            if (base[i].equals("Champions") && (best < 0 || positions[i].monetaryLift() > positions[best].monetaryLift())) {
                best = i;
            }
        }
        for (int i = 0; i < base.length; i++) {
            if (base[i].equals("Champions") && i != best) {
                base[i] = rfmName(positions[i], false);
            }
        }
    }

    /**
     * Segments that still share a name and differ by degree on an RFM column (for example two groups of loyal
     * high spenders, one spending twice as much) get "higher spend" and "lower spend" on the column where their
     * lifts differ most (at least 1.2×); of three, the middle one keeps the plain name.
     */
    private static void graded(List<SegmentFacts> facts, String[] names) {
        Map<String, List<Integer>> groups = new HashMap<>();
        for (int i : clashing(names)) {
            groups.computeIfAbsent(names[i].toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : groups.values()) {
            if (group.size() > 3) {
                continue;
            }
            String bestColumn = null;
            double bestSpread = 1.2;
            for (String column : RunFacts.RFM) {
                double min = Double.POSITIVE_INFINITY;
                double max = 0;
                boolean all = true;
                for (int i : group) {
                    SegmentFacts.Signal signal = facts.get(i).signals().get(column);
                    if (signal == null || !(signal.lift() > 0) || !Double.isFinite(signal.lift())) {
                        all = false;
                        break;
                    }
                    min = Math.min(min, signal.lift());
                    max = Math.max(max, signal.lift());
                }
                if (all && max / min > bestSpread) {
                    bestSpread = max / min;
                    bestColumn = column;
                }
            }
            if (bestColumn == null) {
                continue;
            }
            String column = bestColumn;
            List<Integer> order = new ArrayList<>(group);
            order.sort(Comparator.comparingDouble(i -> -facts.get(i).signals().get(column).lift()));
            String[] words = GRADES.get(column);
            suffix(names, order.getFirst(), words[0]);
            suffix(names, order.getLast(), words[1]);
        }
    }

    /** What the segment with the larger and the smaller lift on a column is called when grading. */
    private static final Map<String, String[]> GRADES = Map.of(
            "recency_days", new String[] {"less recent", "more recent"},
            "frequency", new String[] {"more orders", "fewer orders"},
            "monetary", new String[] {"higher spend", "lower spend"},
            "average_order_value", new String[] {"bigger baskets", "smaller baskets"},
            "distinct_categories", new String[] {"more categories", "fewer categories"},
            "tenure_days", new String[] {"longer-standing", "newer"});

    private static void suffix(String[] names, int i, String words) {
        String name = names[i];
        names[i] = name.endsWith(")") ? name.substring(0, name.length() - 1) + ", " + words + ")"
                : name + " (" + words + ")";
    }

    /** The name from the RFM position (see the class comment). */
    static String rfmName(RfmPosition p, boolean championsAllowed) {
        if (championsAllowed && p.recent() && p.frequent() && p.valuable() && p.frequencyLift() >= 3
                && p.monetaryLift() >= 4) {
            return "Champions";
        }
        String noun;
        if (p.valuable()) {
            noun = "high spenders";
        } else if (p.orderValue() == RfmPosition.Level.HIGH) {
            noun = "big-basket buyers";
        } else if (p.newcomer() && p.ordersPerCustomer() <= 1.5) {
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
        } else if (p.newcomer()) {
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
