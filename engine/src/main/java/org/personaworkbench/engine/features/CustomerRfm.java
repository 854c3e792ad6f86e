package org.personaworkbench.engine.features;

/**
 * One customer's RFM features.
 *
 * @param customerId        the customer id as text
 * @param recencyDays       whole days from the last (non-cancelled) purchase to the reference date
 * @param frequency         distinct orders (or distinct purchase timestamps when there is no order id column)
 * @param monetary          sum of amounts (or quantity × price)
 * @param averageOrderValue monetary / frequency
 * @param tenureDays        whole days from the first to the last purchase
 * @param distinctItems     distinct item ids bought, null when the dataset has no item id role
 * @param distinctCategories distinct categories bought, null when the dataset has no category role
 * @param returnsShare      share of the customer's lines with a negative quantity (0 without a quantity role)
 * @param rScore            recency quintile 1–5, 5 = most recent
 * @param fScore            frequency quintile 1–5, 5 = most orders
 * @param mScore            monetary quintile 1–5, 5 = most spent
 * @param segment           the segment name from {@link RfmSegments#segment(int, int, int)}
 */
public record CustomerRfm(String customerId, long recencyDays, long frequency, double monetary,
                          double averageOrderValue, long tenureDays, Long distinctItems, Long distinctCategories,
                          double returnsShare, int rScore, int fScore, int mScore, String segment) {
}
