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
 * @param categoryField     what the categories are: the name of the column with the category role in the
 *                          transactions (for example "Country" in UCI Online Retail, which has no product
 *                          category), so cards say "Top country" rather than calling countries categories
 */
public record PersonaFigures(long size, double customerShare, double revenueShare, double averageOrderValue,
                             double recencyDays, double ordersPerCustomer, List<String> topCategories,
                             String categoryField) {

    /** The word used when the category column is not known. */
    public static final String CATEGORY = "category";

    public PersonaFigures {
        topCategories = List.copyOf(topCategories);
        categoryField = categoryField == null || categoryField.isBlank() ? CATEGORY : categoryField.strip();
    }

    /** Figures whose categories come from a column called "category". */
    public PersonaFigures(long size, double customerShare, double revenueShare, double averageOrderValue,
                          double recencyDays, double ordersPerCustomer, List<String> topCategories) {
        this(size, customerShare, revenueShare, averageOrderValue, recencyDays, ordersPerCustomer, topCategories,
                CATEGORY);
    }

    /** "Top categories", "Top country": the heading of {@link #topCategories()} in words. */
    public String topCategoriesHeading() {
        String field = categoryField.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return CATEGORY.equals(field) ? "Top categories" : "Top " + field;
    }
}
