package org.personaworkbench.engine.recommendations;

import java.util.Set;

/**
 * How one list is cut and re-ranked: leave out items the user already has (default), keep or drop categories,
 * re-rank by maximal marginal relevance with diversity λ (0 = pure relevance, 1 = pure diversity), and an
 * optional context (time-of-day bucket or device) for a contextual re-rank where the data has it.
 *
 * @param excludeSeen       drop items the user interacted with in training
 * @param includeCategories when not empty, only items of these categories
 * @param excludeCategories never items of these categories
 * @param diversity         MMR λ in [0, 1]
 * @param context           "morning", "mobile", … or null for none
 */
public record RecommendRequest(boolean excludeSeen, Set<String> includeCategories, Set<String> excludeCategories,
                               double diversity, String context) {

    public RecommendRequest {
        includeCategories = Set.copyOf(includeCategories);
        excludeCategories = Set.copyOf(excludeCategories);
        if (!(diversity >= 0 && diversity <= 1)) {
            throw new IllegalArgumentException("The diversity λ must be between 0 and 1, got " + diversity + ".");
        }
    }

    /** Unseen items, no category filter, no diversity re-rank, no context. */
    public static RecommendRequest defaults() {
        return new RecommendRequest(true, Set.of(), Set.of(), 0, null);
    }

    public RecommendRequest withDiversity(double lambda) {
        return new RecommendRequest(excludeSeen, includeCategories, excludeCategories, lambda, context);
    }

    public RecommendRequest withExcludeSeen(boolean value) {
        return new RecommendRequest(value, includeCategories, excludeCategories, diversity, context);
    }

    public RecommendRequest withCategories(Set<String> include, Set<String> exclude) {
        return new RecommendRequest(excludeSeen, include, exclude, diversity, context);
    }

    public RecommendRequest withContext(String value) {
        return new RecommendRequest(excludeSeen, includeCategories, excludeCategories, diversity, value);
    }
}
