package org.personaworkbench.engine.features;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Each customer's share of spend (0–1) in the five categories with the highest spend overall, stored as the
 * columns {@code share_<category>} of an RFM feature set, so "who buys what" sits beside "how much".
 *
 * @param categories the top categories, highest spend first (empty without a category role)
 * @param columns    the column name for each category: {@code share_} and the category in lower case letters,
 *                   digits and underscores, made unique
 */
public record CategoryShares(List<String> categories, List<String> columns, List<double[]> sharesPerCustomer) {

    /** No category role: no share columns. */
    public static final CategoryShares NONE = new CategoryShares(List.of(), List.of(), List.of());

    public CategoryShares {
        categories = List.copyOf(categories);
        columns = List.copyOf(columns);
        sharesPerCustomer = sharesPerCustomer.stream().map(double[]::clone).toList();
    }

    /** Shares for {@code categories}, one array per customer in the feature set's customer order. */
    public static CategoryShares of(List<String> categories, double[][] perCustomer) {
        return new CategoryShares(categories, columnNames(categories), List.of(perCustomer));
    }

    /** The share of customer {@code row} (feature set order) in top category {@code k}. */
    public double share(int row, int k) {
        return sharesPerCustomer.get(row)[k];
    }

    /**
     * {@code share_<category>} column names, lower case, at most 60 characters, unique; public so readers of a
     * stored feature set can tell which category (kept in its recipe as {@code topCategories}) a column holds.
     */
    public static List<String> columnNames(List<String> categories) {
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>(FeatureSet.COLUMNS);
        for (String category : categories) {
            String slug = category.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
            String base = "share_" + (slug.isEmpty() ? "category" : slug);
            base = base.length() > 60 ? base.substring(0, 60) : base;
            String name = base;
            for (int i = 2; !used.add(name); i++) {
                name = base + "_" + i;
            }
            names.add(name);
        }
        return names;
    }
}
