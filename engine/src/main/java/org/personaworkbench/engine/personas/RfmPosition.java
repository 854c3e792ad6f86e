package org.personaworkbench.engine.personas;

import java.util.Map;

/**
 * Where a segment sits on recency, frequency, spend, order value and category breadth against everyone else.
 * A column is {@link Level#HIGH} when the segment's mean is at least {@value #HIGH} times the others' mean,
 * {@link Level#LOW} at most 1/{@value #HIGH} times, {@link Level#TYPICAL} in between or when the profile's test
 * was not significant (q ≥ 0.05), and {@link Level#UNKNOWN} when the data has no such column.
 *
 * @param ordersPerCustomer mean orders per customer of the segment (NaN when unknown), so one-order customers
 *                          count as "few orders" even when everybody orders rarely
 */
record RfmPosition(Level recency, Level frequency, Level monetary, Level orderValue, Level categories,
                   Level tenure, double frequencyLift, double monetaryLift, double ordersPerCustomer) {

    /** Lift from which a column counts as high (and 1/HIGH as low). */
    static final double HIGH = 1.4;

    enum Level { LOW, TYPICAL, HIGH, UNKNOWN }

    static RfmPosition of(SegmentFacts facts) {
        Map<String, SegmentFacts.Signal> s = facts.signals();
        SegmentFacts.Signal frequency = s.get("frequency");
        SegmentFacts.Signal monetary = s.get("monetary");
        double orders = facts.figures().ordersPerCustomer();
        if (Double.isNaN(orders) && frequency != null) {
            orders = frequency.mean();
        }
        return new RfmPosition(level(s.get("recency_days")), level(frequency), level(monetary),
                level(s.get("average_order_value")), level(s.get("distinct_categories")),
                level(s.get("tenure_days")), frequency == null ? Double.NaN : frequency.lift(), monetary == null ? Double.NaN : monetary.lift(),
                orders);
    }

    private static Level level(SegmentFacts.Signal signal) {
        if (signal == null || !Double.isFinite(signal.lift())) {
            return signal != null && signal.othersMean() == 0 && signal.mean() > 0 ? Level.HIGH : Level.UNKNOWN;
        }
        if (!signal.counts()) {
            return Level.TYPICAL;
        }
        return signal.lift() >= HIGH ? Level.HIGH : signal.lift() <= 1 / HIGH ? Level.LOW : Level.TYPICAL;
    }

    /** True when at least two of recency, frequency and spend are known: enough to name by RFM position. */
    boolean known() {
        int known = (recency != Level.UNKNOWN ? 1 : 0) + (frequency != Level.UNKNOWN ? 1 : 0)
                + (monetary != Level.UNKNOWN ? 1 : 0);
        return known >= 2;
    }

    /** Bought recently: few days since the last order. */
    boolean recent() {
        return recency == Level.LOW;
    }

    /** Long since the last order. */
    boolean lapsed() {
        return recency == Level.HIGH;
    }

    boolean frequent() {
        return frequency == Level.HIGH;
    }

    /**
     * Few orders: about one order each, or fewer orders than the rest and at most 2.5 on average (when known), so
     * a mainstream segment with a handful of orders each is not called new only because a few very frequent
     * customers pull the others' mean up.
     */
    boolean fewOrders() {
        boolean known = Double.isFinite(ordersPerCustomer);
        return (known && ordersPerCustomer <= 1.5) || (frequency == Level.LOW && (!known || ordersPerCustomer <= 2.5));
    }

    /** Recent, few orders and (when tenure is known) a short time as a customer. */
    boolean newcomer() {
        return recent() && fewOrders() && (tenure == Level.LOW || tenure == Level.UNKNOWN);
    }

    /** Spends much more than the rest. */
    boolean valuable() {
        return monetary == Level.HIGH;
    }

    boolean lowSpend() {
        return monetary == Level.LOW;
    }
}
