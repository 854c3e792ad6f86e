package org.personaworkbench.engine.personas;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Starter text for a drafted persona: a summary line built from the figures, and a description, goals, pain
 * points, channels, quote and three content-map rows built from the suggested goal and the RFM position. It is
 * meant to be argued with and rewritten in a workshop, so it says plainly what the data shows and what a
 * marketer would try first.
 */
final class StarterText {

    private StarterText() {
    }

    /** "412 customers (9% of customers, 38% of revenue); 3.1× more orders than others; last bought 12 days ago (median)". */
    static String summary(SegmentFacts facts) {
        PersonaFigures f = facts.figures();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%,d customers (%s of customers", f.size(),
                percent(f.customerShare())));
        if (Double.isFinite(f.revenueShare())) {
            out.append(", ").append(percent(f.revenueShare())).append(" of revenue");
        }
        out.append(')');
        SegmentFacts.Signal orders = facts.signals().get("frequency");
        if (orders != null && Double.isFinite(orders.lift())) {
            double lift = orders.lift();
            if (lift >= 1.15) {
                out.append(String.format(Locale.ROOT, "; %.1f× more orders than others", lift));
            } else if (lift <= 0.87) {
                out.append(String.format(Locale.ROOT, "; %d%% fewer orders than others", Math.round((1 - lift) * 100)));
            } else {
                out.append("; about as many orders as others");
            }
        }
        if (Double.isFinite(f.recencyDays())) {
            long days = Math.round(f.recencyDays());
            out.append("; last bought ").append(days == 1 ? "1 day" : days + " days").append(" ago (median)");
        } else if (orders == null && !facts.traits().isEmpty()) {
            out.append("; ").append(facts.traits().getFirst());
        }
        return out.toString();
    }

    static String percent(double share) {
        if (!Double.isFinite(share)) {
            return "?";
        }
        if (share > 0 && share < 0.005) {
            return "<1%";
        }
        return Math.round(share * 100) + "%";
    }

    /** Starter story fields for a persona. */
    record Story(String description, String goals, String painPoints, String channels, String quote,
                 List<ContentRow> contentMap) {
    }

    static Story story(String name, ActionableGoal goal, SegmentFacts facts) {
        RfmPosition p = RfmPosition.of(facts);
        List<String> categories = facts.figures().topCategories();
        String top = categories.isEmpty() ? "" : " (top " + facts.figures().categoryField().replace('_', ' ')
                .toLowerCase(java.util.Locale.ROOT) + ": " + categories.getFirst() + ")";
        String who = whoTheyAre(p, facts);
        return switch (goal) {
            case WIN_BACK -> new Story(
                    who + " They used to buy " + (p.valuable() || p.frequent() ? "a lot" : "now and then")
                            + "; every month without an order makes a return less likely.",
                    "Find a reason to come back: something new, a fair deal, an easy reorder.",
                    "Forgot about us, found another shop, or the last order disappointed.",
                    "Email, Retargeting ads, Direct mail",
                    "I used to order from you. What has changed?",
                    List.of(new ContentRow("We-miss-you email", "What is new since their last order" + top,
                                    "Email"),
                            new ContentRow("Time-limited offer", "A reason to order this month", "Email"),
                            new ContentRow("Retargeting ad", "Their most bought products, back in stock",
                                    "Paid social")));
            case ONBOARD -> new Story(
                    who + " They have only just started buying and have not formed a habit yet.",
                    "Learn what the shop offers and find a second product worth ordering.",
                    "Does not know the range yet; unsure whether a second order is worth it.",
                    "Email, Website",
                    "The first order went fine. What else do you have?",
                    List.of(new ContentRow("Welcome series", "How to get the most from the first purchase", "Email"),
                            new ContentRow("Product guide", "Best sellers of the shop" + top, "Website"),
                            new ContentRow("Second-order offer", "A small thank-you on the next order", "Email")));
            case UPSELL -> new Story(
                    who + (p.orderValue() == RfmPosition.Level.LOW
                            ? " They come back" + (p.frequent() ? " often" : "") + ", but each basket is small."
                            : " There is room for more in every order they place."),
                    "Get more value per visit: bundles, bigger packs, the better version of what they buy.",
                    "Price-sensitive; sees little reason to add more to the basket.",
                    "Email, Website, Push",
                    "I know what I need, and I buy it when I need it.",
                    List.of(new ContentRow("Bundle offer", "Save when buying their usual products together",
                                    "Website"),
                            new ContentRow("Free-shipping threshold", "Add one more item to reach it", "Email"),
                            new ContentRow("Premium range", "Why the better version is worth it", "Push")));
            case CROSS_SELL -> new Story(
                    who + " They buy mostly from a narrow part of the range.",
                    "Discover more of the range than what they usually buy" + top + ".",
                    "Does not know the rest of the range; recommendations feel random.",
                    "Email, Website",
                    "I didn't know you sold that too.",
                    List.of(new ContentRow("Recommendation email", "Products bought with their usual ones", "Email"),
                            new ContentRow("Category spotlight", "A category they have not tried", "Website"),
                            new ContentRow("Starter kit", "A small first order in a new category", "Email")));
            case RETAIN -> new Story(
                    who + " They are among the most valuable customers: losing one costs more than winning a new "
                            + "one.",
                    "Keep being recognised: early access, good service, no surprises.",
                    "Being treated like everybody else; stock-outs of the products they reorder.",
                    "Email, Account manager, Loyalty programme",
                    "I order here all the time; make it easy for me.",
                    List.of(new ContentRow("Loyalty perks", "Thank you, with early access to new lines", "Email"),
                            new ContentRow("Reorder reminder", "Their regular products in one click", "Email"),
                            new ContentRow("Preview event", "New lines before anyone else" + top,
                                    "Loyalty programme")));
        };
    }

    /** One sentence saying what the data shows. */
    private static String whoTheyAre(RfmPosition p, SegmentFacts facts) {
        List<String> parts = new ArrayList<>();
        if (p.recent()) {
            parts.add("bought recently");
        } else if (p.lapsed()) {
            parts.add("have not bought for a long time");
        }
        if (p.frequent()) {
            parts.add("order often");
        } else if (p.fewOrders()) {
            parts.add("order rarely");
        }
        if (p.valuable()) {
            parts.add("spend much more than others");
        } else if (p.lowSpend()) {
            parts.add("spend little");
        }
        if (parts.isEmpty()) {
            return facts.traits().isEmpty() ? "Customers of segment " + facts.segment() + "."
                    : "Customers with " + facts.traits().getFirst() + ".";
        }
        String joined = parts.size() == 1 ? parts.getFirst()
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
        return "Customers who " + joined + ".";
    }
}
