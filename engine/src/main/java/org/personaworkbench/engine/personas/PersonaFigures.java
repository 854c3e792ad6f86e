package org.personaworkbench.engine.personas;

import java.util.List;

/**
 * A persona's key figures, filled from the data of its segment (NaN where the data has no such column, for
 * example revenue when the run's customers have no RFM features).
 *
 * @param size              customers in the segment
 * @param customerShare     size / customers in the run, in [0, 1]
 * @param revenueShare      the segment's share of total monetary value, in [0, 1], or NaN
 * @param averageOrderValue mean of the customers' average order values (monetary / orders), or NaN
 * @param recencyDays       median days since the last purchase, or NaN
 * @param ordersPerCustomer mean orders (frequency) per customer, or NaN
 * @param topCategories     up to three categories with the highest mean share of spend, best first (may be empty)
 */
public record PersonaFigures(long size, double customerShare, double revenueShare, double averageOrderValue,
                             double recencyDays, double ordersPerCustomer, List<String> topCategories) {
    public PersonaFigures {
        topCategories = List.copyOf(topCategories);
    }
}
