package org.personaworkbench.engine.recommendations;

import java.util.Map;
import java.util.Objects;

/**
 * Everything a model needs besides the interactions: the algorithm and its settings, with defaults that do
 * well on MovieLens 100K (see the README's evaluation table), and the side data some models use.
 *
 * @param algorithm      which model
 * @param neighbours     kNN: neighbours kept per item (item-kNN) or user (user-kNN)
 * @param shrinkage      kNN: cosine shrinkage term (sim × n / (n + shrinkage), n = co-raters)
 * @param factors        ALS: latent factors
 * @param regularisation ALS: λ
 * @param alpha          ALS implicit: confidence 1 + α·strength
 * @param iterations     ALS: sweeps
 * @param trendingDays   popularity: the recent window for "trending" (0 = all time)
 * @param hybridWeights  hybrid: weight per blended algorithm (popularity for cold users, content for cold items)
 * @param seed           seed for every random choice (ALS initialisation)
 * @param catalog        item titles, text and categories (content model, explanations, category filters)
 * @param personaOfUser  user id → persona name (per-persona popularity, explanations, evaluation by persona)
 * @param contextShares  context ("morning", "mobile") → item id → the share of that item's interactions made in
 *                       that context, with the share of all interactions under the item id {@link
 *                       ContextShares#OVERALL} (see {@link ContextShares}); empty when the data has no context
 */
public record RecommenderOptions(Algorithm algorithm, int neighbours, double shrinkage, int factors,
                                 double regularisation, double alpha, int iterations, int trendingDays,
                                 Map<Algorithm, Double> hybridWeights, long seed, ItemCatalog catalog,
                                 Map<String, String> personaOfUser,
                                 Map<String, Map<String, Double>> contextShares) {

    public RecommenderOptions {
        Objects.requireNonNull(algorithm, "algorithm");
        hybridWeights = Map.copyOf(hybridWeights);
        catalog = catalog == null ? ItemCatalog.EMPTY : catalog;
        personaOfUser = personaOfUser == null ? Map.of() : Map.copyOf(personaOfUser);
        contextShares = contextShares == null ? Map.of() : contextShares.entrySet().stream().collect(
                java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
    }

    /** Options without context shares (the record before contextual re-ranking was added). */
    public RecommenderOptions(Algorithm algorithm, int neighbours, double shrinkage, int factors,
                              double regularisation, double alpha, int iterations, int trendingDays,
                              Map<Algorithm, Double> hybridWeights, long seed, ItemCatalog catalog,
                              Map<String, String> personaOfUser) {
        this(algorithm, neighbours, shrinkage, factors, regularisation, alpha, iterations, trendingDays,
                hybridWeights, seed, catalog, personaOfUser, Map.of());
    }

    /**
     * Defaults for an algorithm (kNN 50 neighbours, shrinkage 10; ALS 32 factors, λ 30, α 1, 10 sweeps: the
     * implicit-feedback setting tuned on MovieLens 100K, see the README; explicit-rating ALS wants λ ≈ 0.05).
     */
    public static RecommenderOptions defaults(Algorithm algorithm) {
        return new RecommenderOptions(algorithm, 50, 10, 32, 30, 1, 10, 0,
                Map.of(Algorithm.ITEM_KNN, 0.5, Algorithm.ALS, 0.4, Algorithm.CONTENT, 0.1), 42, ItemCatalog.EMPTY,
                Map.of());
    }

    public RecommenderOptions withAlgorithm(Algorithm value) {
        return new RecommenderOptions(value, neighbours, shrinkage, factors, regularisation, alpha, iterations,
                trendingDays, hybridWeights, seed, catalog, personaOfUser, contextShares);
    }

    public RecommenderOptions withSeed(long value) {
        return new RecommenderOptions(algorithm, neighbours, shrinkage, factors, regularisation, alpha, iterations,
                trendingDays, hybridWeights, value, catalog, personaOfUser, contextShares);
    }

    public RecommenderOptions withCatalog(ItemCatalog value) {
        return new RecommenderOptions(algorithm, neighbours, shrinkage, factors, regularisation, alpha, iterations,
                trendingDays, hybridWeights, seed, value, personaOfUser, contextShares);
    }

    public RecommenderOptions withPersonas(Map<String, String> value) {
        return new RecommenderOptions(algorithm, neighbours, shrinkage, factors, regularisation, alpha, iterations,
                trendingDays, hybridWeights, seed, catalog, value, contextShares);
    }

    public RecommenderOptions withNeighbours(int value, double shrink) {
        return new RecommenderOptions(algorithm, value, shrink, factors, regularisation, alpha, iterations,
                trendingDays, hybridWeights, seed, catalog, personaOfUser, contextShares);
    }

    public RecommenderOptions withAls(int factorCount, double lambda, double confidence, int sweeps) {
        return new RecommenderOptions(algorithm, neighbours, shrinkage, factorCount, lambda, confidence, sweeps,
                trendingDays, hybridWeights, seed, catalog, personaOfUser, contextShares);
    }

    public RecommenderOptions withTrendingDays(int days) {
        return new RecommenderOptions(algorithm, neighbours, shrinkage, factors, regularisation, alpha, iterations,
                days, hybridWeights, seed, catalog, personaOfUser, contextShares);
    }

    public RecommenderOptions withHybridWeights(Map<Algorithm, Double> weights) {
        return new RecommenderOptions(algorithm, neighbours, shrinkage, factors, regularisation, alpha, iterations,
                trendingDays, weights, seed, catalog, personaOfUser, contextShares);
    }

    public RecommenderOptions withContextShares(Map<String, Map<String, Double>> value) {
        return new RecommenderOptions(algorithm, neighbours, shrinkage, factors, regularisation, alpha, iterations,
                trendingDays, hybridWeights, seed, catalog, personaOfUser, value);
    }
}
